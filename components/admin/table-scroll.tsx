/**
 * A table wider than a phone scrolls inside this box instead of widening the page. The box takes
 * keyboard focus, so people on a keyboard can scroll it with the arrow keys, and is named by its
 * section's heading (or by `label`) so a screen reader says what got focus. A group, not a region:
 * the section around it is already the region its heading names, and two landmarks of one name
 * make the landmarks list ambiguous.
 */
export function TableScroll({ labelledBy, label, children }: { labelledBy?: string; label?: string; children: React.ReactNode }) {
  return (
    <div className="table-scroll" role="group" aria-labelledby={labelledBy} aria-label={labelledBy ? undefined : label} tabIndex={0}>
      {children}
    </div>
  );
}

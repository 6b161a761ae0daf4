/** Small stroke icons for the toolbar (decorative: every button also has a text label). */
const PATHS = {
  brush: "M14.5 3.5l2 2-7.5 7.5-2-2zM6.5 12.5c-1.7 0-3 1.3-3 3 0 .9-.4 1.5-1 1.8 3 .9 6-.3 6-2.8",
  eraser: "M8 17h9M3.8 12.7l7-7a1.5 1.5 0 0 1 2.1 0l3.4 3.4a1.5 1.5 0 0 1 0 2.1L11 16.5H7.6l-3.8-3.8zM7.5 9l5.5 5.5",
  rect: "M3.5 5.5h13v9h-13z",
  lasso: "M10 4c4.1 0 7 1.8 7 4.2S14.1 12.5 10 12.5 3 10.6 3 8.2 5.9 4 10 4zM5.5 11.4c-.8.9-.8 2.1.2 2.8 1 .7 1 1.8-.2 2.8",
  pan: "M10 2.5v15M2.5 10h15M7.5 5L10 2.5 12.5 5M7.5 15l2.5 2.5 2.5-2.5M5 7.5L2.5 10 5 12.5M15 7.5l2.5 2.5-2.5 2.5",
  invert: "M10 3a7 7 0 1 1 0 14 7 7 0 0 1 0-14zM10 3v14",
  clear: "M4 6h12M8 6V4h4v2M5.5 6l.8 10.5h7.4L14.5 6M8.5 9v5M11.5 9v5",
  undo: "M7.5 5.5L4 9l3.5 3.5M4 9h8a4 4 0 0 1 0 8h-2",
  redo: "M12.5 5.5L16 9l-3.5 3.5M16 9H8a4 4 0 0 0 0 8h2",
  eye: "M2 10s3-5.5 8-5.5S18 10 18 10s-3 5.5-8 5.5S2 10 2 10zM10 7.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5z",
  fit: "M3 7V3h4M13 3h4v4M17 13v4h-4M7 17H3v-4",
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
      {/* Invert: one half filled, so the icon itself shows the swap. */}
      {name === "invert" && <path d="M10 3a7 7 0 0 1 0 14z" fill="currentColor" />}
    </svg>
  );
}

"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

/**
 * The header's navigation, language and account. On a wide screen they sit in the header's row
 * as they are; on a phone they fold behind a Menu button (app/globals.css), so the header takes
 * one row and the page (the editor's canvas above all) starts near the top of the screen.
 */
export function HeaderMenu({ label, children }: { label: string; children: React.ReactNode }) {
  const id = useId();
  const pathname = usePathname();
  // The page the menu was opened on: following one of its links closes it, with no effect to run.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // A tap or click anywhere else closes it, as people expect of a menu on a phone.
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (e.target instanceof Node && !root.current?.contains(e.target)) setOpenOn(null);
    };
    document.addEventListener("pointerdown", away);
    return () => document.removeEventListener("pointerdown", away);
  }, [open]);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key !== "Escape" || !open) return;
    setOpenOn(null);
    button.current?.focus();
  }

  return (
    <div ref={root} className="header-menu" onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className="menu-toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpenOn(open ? null : pathname)}
      >
        <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
          {open ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 5h14M3 10h14M3 15h14" />}
        </svg>
        {label}
      </button>
      <div id={id} className="header-panel" data-open={open || undefined}>
        {children}
      </div>
    </div>
  );
}

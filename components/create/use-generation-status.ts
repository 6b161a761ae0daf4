"use client";

import { useEffect, useRef, useState } from "react";
import type { GenerationStatus } from "@/lib/creating/progress";

const POLL_MS = 1000;

/** A fresh name for an attempt (lib/validations/generate.ts): random, and possible on plain http too. */
export function newTicket(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

const statusUrl = (ticket: string) => `/api/generations/${encodeURIComponent(ticket)}`;

/**
 * Where the attempt named `ticket` stands (GET /api/generations/<ticket>), asked every second
 * while there is a ticket; null until the server first says. Leaving the page (closing it, or
 * going elsewhere in the app) while the attempt is still in line gives its place up, since a
 * place nobody waits for only delays everyone behind it. Once it is being painted, it carries on.
 */
export function useGenerationStatus(ticket: string | null): GenerationStatus | null {
  const [status, setStatus] = useState<GenerationStatus | null>(null);
  const waiting = useRef(false);

  useEffect(() => {
    if (!ticket) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const res = await fetch(statusUrl(ticket), { cache: "no-store" });
        const next = res.ok ? ((await res.json()) as GenerationStatus) : null;
        if (!stopped && next) {
          waiting.current = next.state === "waiting";
          setStatus(next);
        }
      } catch {
        // A missed poll changes nothing; the next one may answer.
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, POLL_MS / 4);
    const giveUp = () => {
      if (!waiting.current) return;
      waiting.current = false;
      // keepalive: the request outlives the page that sends it.
      void fetch(statusUrl(ticket), { method: "DELETE", keepalive: true, headers: { "Content-Type": "application/json" } }).catch(() => {});
    };
    window.addEventListener("pagehide", giveUp);
    return () => {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener("pagehide", giveUp);
      giveUp();
      waiting.current = false;
      setStatus(null);
    };
  }, [ticket]);

  return status;
}

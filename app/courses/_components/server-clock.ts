"use client";

import { useEffect, useState } from "react";

/**
 * The difference between the server's clock and this device's, from a server time read at a
 * known local instant: a countdown adds it to Date.now(), so a device whose clock is wrong (or a
 * second device) shows the same time left as the server will enforce.
 */
export function clockOffset(serverNow: Date, receivedAt: number): number {
  return serverNow.getTime() - receivedAt;
}

/** Milliseconds until `deadline` on the server's clock, never below 0. */
export function msLeft(deadline: Date, offset: number, localNow: number = Date.now()): number {
  return Math.max(0, deadline.getTime() - (localNow + offset));
}

/** Time left as a clock reads it: "4:05", "1:02:09"; whole seconds, rounded up so 0:00 means the end. */
export function clockText(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

/**
 * The time left until `deadline` on the server's clock, ticking each second while there is a
 * deadline; null without one (or before the first render in the browser, so the server's HTML
 * never shows a count the browser would contradict).
 */
export function useTimeLeft(deadline: Date | null, offset: number): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    if (!deadline) return;
    const tick = () => setNow(Date.now());
    tick();
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [deadline]);
  if (!deadline || now === null) return null;
  return msLeft(deadline, offset, now);
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "./trpc";

const REPORTED_KEY = "stride-time-zone-reported";

/**
 * The tab's session storage, or null where the browser denies it: reading `sessionStorage` throws
 * a SecurityError in a third-party frame whose storage is blocked (Stride inside an LMS, with
 * Chromium's third-party cookie blocking), and a throw in an effect took the whole page down.
 */
function tabStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/**
 * Tells the server this browser's time zone once per tab session. The server keeps it only for an
 * account that has none yet (one made before zones existed), so such a learner's days roll over at
 * their own midnight from their next visit on; a zone chosen in Settings is never overwritten.
 */
export function TimeZoneReport({ userId }: { userId: string }) {
  const trpc = useTRPC();
  const { mutate } = useMutation(trpc.settings.reportTimeZone.mutationOptions());
  useEffect(() => {
    // Per account: another account signing in on this tab has its own zone to set.
    // Without storage the zone is reported on every page load: the server ignores it once set.
    const storage = tabStorage();
    if (storage?.getItem(REPORTED_KEY) === userId) return;
    storage?.setItem(REPORTED_KEY, userId);
    mutate({ timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
  }, [mutate, userId]);
  return null;
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "./trpc";

const REPORTED_KEY = "stride-time-zone-reported";

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
    if (sessionStorage.getItem(REPORTED_KEY) === userId) return;
    sessionStorage.setItem(REPORTED_KEY, userId);
    mutate({ timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
  }, [mutate, userId]);
  return null;
}

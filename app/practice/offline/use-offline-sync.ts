"use client";

import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { useOnline } from "../../_components/offline/use-online";
import { useTRPC } from "../../_components/trpc";
import { forgetAnswers, queuedAnswers } from "./offline-queue";
import { syncQueued } from "./sync-queued";

export type SyncState = "idle" | "syncing" | "synced" | "signed-out" | "failed";

/** Keeps the history up to date with what was practised offline: syncs on opening, whenever the connection returns, and on demand. */
export function useOfflineSync() {
  const trpc = useTRPC();
  const { mutateAsync } = useMutation(trpc.review.syncOfflinePractice.mutationOptions());
  const online = useOnline();
  const [waiting, setWaiting] = useState(0);
  const [state, setState] = useState<SyncState>("idle");

  const sync = useCallback(async () => {
    const items = await queuedAnswers();
    setWaiting(items.length);
    if (items.length === 0 || !navigator.onLine) return;
    setState("syncing");
    try {
      const { left } = await syncQueued({
        read: queuedAnswers,
        send: async (turn) => (await mutateAsync({ items: turn })).outcomes,
        forget: forgetAnswers,
        turn: 50,
      });
      setWaiting(left);
      setState("synced");
    } catch (error) {
      setWaiting((await queuedAnswers()).length);
      const code = (error as { data?: { code?: string } | null }).data?.code;
      setState(code === "UNAUTHORIZED" ? "signed-out" : "failed");
    }
  }, [mutateAsync]);

  useEffect(() => {
    // Read on mount and whenever the connection returns.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the queue lives in IndexedDB, outside React
    if (online) void sync();
  }, [online, sync]);

  const refresh = useCallback(async () => setWaiting((await queuedAnswers()).length), []);
  return { waiting, state, sync, refresh, online };
}

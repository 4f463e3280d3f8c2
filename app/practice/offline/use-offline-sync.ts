"use client";

import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { useOnline } from "../../_components/offline/use-online";
import { authClient } from "../../_components/auth-client";
import { useTRPC } from "../../_components/trpc";
import { forgetAnswers, queuedAnswers } from "./offline-queue";
import { belongingTo, syncQueued } from "./sync-queued";

export type SyncState = "idle" | "syncing" | "synced" | "signed-out" | "failed";

/** Keeps the history up to date with what was practised offline: syncs on opening, whenever the connection returns, and on demand. */
export function useOfflineSync(owner: string | null) {
  const trpc = useTRPC();
  const { mutateAsync } = useMutation(trpc.review.syncOfflinePractice.mutationOptions());
  const online = useOnline();
  const [waiting, setWaiting] = useState(0);
  const [state, setState] = useState<SyncState>("idle");

  const mine = useCallback(async () => (owner ? belongingTo(await queuedAnswers(), owner) : queuedAnswers()), [owner]);

  const sync = useCallback(async () => {
    const items = await mine();
    setWaiting(items.length);
    if (items.length === 0 || !navigator.onLine) return;
    setState("syncing");
    try {
      // Whoever is signed in now, which may differ from the page's owner if this page is a kept copy.
      const userId = (await authClient.getSession()).data?.user.id;
      if (!userId) {
        setState("signed-out");
        return;
      }
      const { left } = await syncQueued({
        read: async () => belongingTo(await queuedAnswers(), userId),
        send: async (turn) =>
          (await mutateAsync({ items: turn.map(({ id, template, seed, lang, answer, answeredAt, elapsedMs }) => ({ id, template, seed, lang, answer, answeredAt: new Date(answeredAt), elapsedMs })) })).outcomes,
        forget: forgetAnswers,
        turn: 50,
      });
      setWaiting(left);
      setState("synced");
    } catch (error) {
      setWaiting((await mine()).length);
      const code = (error as { data?: { code?: string } | null }).data?.code;
      setState(code === "UNAUTHORIZED" ? "signed-out" : "failed");
    }
  }, [mutateAsync, mine]);

  useEffect(() => {
    // Read on mount and whenever the connection returns.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the queue lives in IndexedDB, outside React
    if (online) void sync();
  }, [online, sync]);

  const refresh = useCallback(async () => setWaiting((await mine()).length), [mine]);
  return { waiting, state, sync, refresh, online };
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { useCallback, useRef } from "react";
import { useTRPC } from "../trpc";
import { isConnectionFailure, MAX_SUBMIT_TRIES, submitNotice, submitRetryDelay } from "./connection-failure";

/**
 * review.submit that survives a lost connection. Each problem gets one submission id, sent with
 * every try of its answer, so when a try was recorded but its answer never arrived, the next try
 * is answered with that same review (lib/server/reviews/replay-submission.ts) instead of
 * "already answered". Tries that fail for want of a connection are repeated (paused while the
 * browser is offline, resumed when it comes back); the API's own errors are shown at once.
 */
export function useAnswerSubmit() {
  const trpc = useTRPC();
  const submissionIds = useRef(new Map<string, string>());
  const submit = useMutation(
    trpc.review.submit.mutationOptions({
      retry: (failureCount, error) => failureCount < MAX_SUBMIT_TRIES && isConnectionFailure(error),
      retryDelay: submitRetryDelay,
    }),
  );
  const { mutate } = submit;
  const send = useCallback(
    (input: { variantId: string; answer: string }, options?: Parameters<typeof mutate>[1]) => {
      let submissionId = submissionIds.current.get(input.variantId);
      if (!submissionId) {
        submissionId = crypto.randomUUID();
        submissionIds.current.set(input.variantId, submissionId);
      }
      mutate({ ...input, submissionId }, options);
    },
    [mutate],
  );
  const notice = submitNotice({ isPaused: submit.isPaused, isPending: submit.isPending, failureCount: submit.failureCount, error: submit.error });
  return { submit, send, notice };
}

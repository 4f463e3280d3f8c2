"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { keysAgree } from "@/lib/grading/keys-agree";
import { useTRPC } from "../trpc";

type Check = { mode: "analyze"; spec: unknown; select: string } | { mode: "run"; op: Record<string, unknown>; select: string } | null;

/** An assessment's try, whose key the browser re-checked (lib/server/assessments/attempt-question.ts, TryRef). */
type AttemptTryRef = { attemptId: string; position: number; tryNumber: number };

type Verification =
  | { status: "running" }
  | { status: "verified"; backend: string }
  | { status: "mismatch"; backend: string }
  | { status: "unavailable"; reason: string };

/**
 * Re-runs the problem's check with the engine in the learner's own browser, on its accelerated
 * backend (webgpu or webgl), and compares with the server's key. The check arrives only with the
 * result, and the engine (TensorFlow.js) is loaded only now, so the first load of the page stays
 * small. A disagreement is reported to the server; the learner's score never depends on it.
 */
export function BrowserVerification({
  reviewId,
  attemptTry = null,
  check,
  expected,
  keySource,
}: {
  /** The review the key belongs to, where a disagreement is reported; null where no review names it. */
  reviewId: string | null;
  /** The assessment try the key belongs to, where a disagreement is reported instead; null (the default): none. */
  attemptTry?: AttemptTryRef | null;
  check: Check;
  expected: unknown;
  /** Without a check: whose key it is, the books' or the question author's. */
  keySource: "engine" | "book" | "author";
}) {
  const t = useTranslations("review.verification");
  const trpc = useTRPC();
  const { mutate: reportReview } = useMutation(trpc.review.reportMismatch.mutationOptions());
  const { mutate: reportTry } = useMutation(trpc.assessments.reportMismatch.mutationOptions());
  const [verification, setVerification] = useState<Verification>({ status: "running" });
  // The effect depends on the try's parts, not on an object the parent builds anew each render.
  const tryAttemptId = attemptTry?.attemptId ?? null;
  const tryPosition = attemptTry?.position ?? null;
  const tryNumber = attemptTry?.tryNumber ?? null;
  const reported = reviewId !== null || tryAttemptId !== null;

  useEffect(() => {
    if (!check) return;
    let cancelled = false;
    (async () => {
      const [{ prepareBrowserEngine }, engine] = await Promise.all([import("@/lib/engine/backend-browser"), import("@/lib/engine")]);
      const { backend } = await prepareBrowserEngine();
      const answer = check.mode === "analyze" ? engine.analyze(check.spec as never) : await engine.runAsync(check.op as never);
      const mine = engine.selectPath(answer, check.select);
      if (cancelled) return;
      if (keysAgree(expected, mine)) {
        setVerification({ status: "verified", backend });
      } else {
        setVerification({ status: "mismatch", backend });
        if (reviewId) reportReview({ reviewId, backend, browserKey: mine });
        else if (tryAttemptId !== null && tryPosition !== null && tryNumber !== null) {
          reportTry({ attemptId: tryAttemptId, position: tryPosition, tryNumber, backend, browserKey: mine });
        }
      }
    })().catch((error: unknown) => {
      if (!cancelled) setVerification({ status: "unavailable", reason: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      cancelled = true;
    };
  }, [check, expected, reviewId, reportReview, tryAttemptId, tryPosition, tryNumber, reportTry]);

  if (!check) {
    return (
      <p className="text-xs text-slate-500" data-testid="verification" data-status={keySource === "author" ? "author" : "book"}>
        {keySource === "author" ? t("author") : t("book")}
      </p>
    );
  }
  const tone =
    verification.status === "verified"
      ? "text-emerald-700"
      : verification.status === "mismatch"
        ? "text-amber-800"
        : "text-slate-500";
  return (
    <p className={`flex items-center gap-1.5 text-xs ${tone}`} data-testid="verification" data-status={verification.status} aria-live="polite">
      <span aria-hidden="true">{verification.status === "verified" ? "✓" : verification.status === "mismatch" ? "!" : "…"}</span>
      {verification.status === "running" && t("running")}
      {verification.status === "verified" && t("verified", { backend: verification.backend })}
      {verification.status === "mismatch" && t(reported ? "mismatch" : "mismatchUnreported", { backend: verification.backend })}
      {verification.status === "unavailable" && t("unavailable")}
    </p>
  );
}

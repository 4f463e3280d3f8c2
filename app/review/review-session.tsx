"use client";

import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useFormatter, useTranslations } from "next-intl";
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { NextWaitingNotice, SubmitNotice } from "../_components/offline/submit-notice";
import { lazyWithPreload } from "../_components/lazy-with-preload";
import { preloadMathTypesetter } from "../_components/pending-math";
import { useAnswerSubmit } from "../_components/offline/use-answer-submit";
import { ProblemPanel } from "../_components/study/problem-panel";
import type { RatingValue } from "../_components/study/rating-picker";
import { useStudyKeys } from "../_components/study/use-study-keys";
import { Loading } from "../_components/loading";
import { useTRPC } from "../_components/trpc";
import { useServerMessage } from "../_components/use-server-message";
import type { AppRouter } from "@/lib/server/root";

/** What `review.next` answers: a problem, a walkthrough, or the day's queue done. */
export type IssuedNext = inferRouterOutputs<AppRouter>["review"]["next"];

// Needed only after an answer is graded (or for a leech): kept out of the page's first load, which
// carries just the problem and the answer form; the result panels are fetched once the learner
// starts answering.
const ResultPanel = lazyWithPreload(() => import("../_components/study/result-panel").then((module) => module.ResultPanel));
const RatingPicker = lazyWithPreload(() => import("../_components/study/rating-picker").then((module) => module.RatingPicker));
const Walkthrough = lazy(() => import("./walkthrough").then((module) => ({ default: module.Walkthrough })));
const CaughtUp = lazy(() => import("./caught-up").then((module) => ({ default: module.CaughtUp })));

/**
 * The daily review queue: due skills first, then new ones up to the daily limit, each with a fresh
 * variant. After grading, the suggested rating can be changed (keys 1–4) before moving on
 * (Space); the last review can be undone.
 */
export function ReviewSession({ first = null }: { first?: IssuedNext | null }) {
  const t = useTranslations("review");
  const refusal = useServerMessage();
  const format = useFormatter();
  const trpc = useTRPC();
  const next = useMutation(trpc.review.next.mutationOptions());
  // The page's own first problem (page.tsx) until the learner asks for another.
  const current = next.data ?? (next.isIdle ? first : null);
  const { submit, send, notice } = useAnswerSubmit();
  const rate = useMutation(trpc.review.rate.mutationOptions());
  const undo = useMutation(trpc.review.undo.mutationOptions());
  const finishWalkthrough = useMutation(trpc.review.finishWalkthrough.mutationOptions());
  const [answer, setAnswer] = useState("");
  // Once the learner starts answering, the panels that show the grade and the typesetter of its
  // formulas are fetched, so the grade appears as soon as it arrives (lazy-with-preload.tsx,
  // pending-math.ts).
  useEffect(() => {
    if (!answer) return;
    ResultPanel.preload();
    RatingPicker.preload();
    preloadMathTypesetter();
  }, [answer]);
  const [rating, setRating] = useState<RatingValue | null>(null);
  const [lastReviewId, setLastReviewId] = useState<string | null>(null);
  const [undone, setUndone] = useState(false);
  const inputRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);
  const requested = useRef(false);

  const issued = current?.status === "issued" ? current : null;
  const graded = submit.data?.status === "graded" ? submit.data : null;
  const formatError = submit.data?.status === "format-error" ? submit.data.formatErrorHtml : null;

  const loadNext = useCallback(() => {
    submit.reset();
    rate.reset();
    setAnswer("");
    setRating(null);
    next.mutate();
  }, [next, submit, rate]);

  useEffect(() => {
    // Strict mode mounts twice in development; one request is enough. None when the page came with its first problem.
    if (requested.current || first) return;
    requested.current = true;
    next.mutate();
  }, [next, first]);

  useEffect(() => {
    if (issued && !graded) inputRef.current?.focus();
  }, [issued, graded]);

  const onSubmit = (variantId: string) =>
    send(
      { variantId, answer },
      {
        onSuccess: (data) => {
          if (data.status !== "graded") return;
          setRating(data.rating as RatingValue);
          setLastReviewId(data.reviewId);
          setUndone(false);
        },
      },
    );

  const onRate = (value: RatingValue) => {
    if (!graded || rate.isPending || value === rating) return;
    const previous = rating;
    setRating(value);
    rate.mutate({ reviewId: graded.reviewId, rating: value }, { onError: () => setRating(previous) });
  };

  const onUndo = () => {
    if (!lastReviewId || undo.isPending) return;
    undo.mutate(
      { reviewId: lastReviewId },
      {
        onSuccess: () => {
          setLastReviewId(null);
          setUndone(true);
          loadNext();
        },
      },
    );
  };

  useStudyKeys({
    active: Boolean(graded),
    onRating: (value) => onRate(value),
    onNext: loadNext,
  });

  const when = (date: Date) => format.relativeTime(new Date(date), new Date());

  const undoBar = (lastReviewId || undone || undo.isError) && (
    <div className="flex flex-wrap items-center justify-end gap-3 text-sm">
      {undone && <span className="text-slate-600" role="status">{t("undone")}</span>}
      {undo.isError && <span role="alert" className="text-red-700">{refusal(undo.error)}</span>}
      {lastReviewId && (
        <button type="button" onClick={onUndo} disabled={undo.isPending} className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60" data-testid="undo">
          {t("undo")}
        </button>
      )}
    </div>
  );

  if (next.isError) {
    return (
      <p role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-700">
        {refusal(next.error)}
      </p>
    );
  }
  if (!current) {
    return (
      <div className="space-y-4">
        <NextWaitingNotice paused={next.isPaused} />
        <Loading label={t("loading")} />
      </div>
    );
  }

  if (current.status === "walkthrough") {
    const walk = current;
    return (
      <Suspense fallback={<Loading label={t("loading")} />}>
        <Walkthrough
          walkthrough={walk}
          busy={finishWalkthrough.isPending}
          onDone={() => finishWalkthrough.mutate({ cardId: walk.cardId }, { onSuccess: loadNext })}
        />
      </Suspense>
    );
  }

  if (current.status === "caught-up") {
    return (
      <div className="space-y-4">
        {undoBar}
        <Suspense fallback={<Loading label={t("loading")} />}>
          <CaughtUp {...current} />
        </Suspense>
      </div>
    );
  }

  // The server counted the learner's day when it issued this problem (a reload or another page
  // keeps it); the answer just graded is the one thing it has not seen yet.
  const answered = graded ? 1 : 0;
  const reviewedToday = current.today.reviewed + answered;
  const dueLeft = current.today.dueLeft - (current.card.reps > 0 ? answered : 0);
  const newLeft = current.today.newLeft - (current.card.reps === 0 ? answered : 0);
  const badge = (
    <span className="rounded-full bg-brand-50 px-2.5 py-1 font-medium text-brand-700" data-testid="card-badge">
      {current.card.reps === 0 ? t("newCard") : t("dueCard")}
    </span>
  );

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="flex flex-wrap gap-x-3 text-sm text-slate-600">
          <span data-testid="left-today">{t("leftToday", { due: dueLeft, fresh: newLeft })}</span>
          <span data-testid="session-count">{t("reviewedToday", { count: reviewedToday })}</span>
        </p>
      </div>
      {undoBar}
      <ProblemPanel
        problem={current.problem}
        answer={answer}
        onAnswer={setAnswer}
        onSubmit={() => onSubmit(current.variantId)}
        locked={Boolean(graded)}
        pending={submit.isPending}
        formatError={formatError}
        error={submit.isError && !notice ? refusal(submit.error) : null}
        inputRef={inputRef}
        course={current.course}
        badge={badge}
      />
      <SubmitNotice notice={notice} />
      {graded && (
        <Suspense fallback={<Loading label={t("checking")} />}>
          <ResultPanel graded={graded} answer={answer} options={current.problem.options}>
            {rating && (
              <RatingPicker
                rating={rating}
                suggested={graded.suggestedRating as RatingValue}
                dueByRating={graded.dueByRating as Record<string, Date> | null}
                busy={rate.isPending}
                onRate={onRate}
              />
            )}
            {rate.isError && (
              <p role="alert" className="mt-2 text-sm text-red-700">
                {refusal(rate.error)}
              </p>
            )}
            <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
              <p className="text-sm text-slate-700" data-testid="next-due">
                {t("nextDue", { when: when(rate.data?.nextDue ?? graded.nextDue ?? new Date()) })}
              </p>
              <button
                type="button"
                onClick={loadNext}
                className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
                data-testid="next"
              >
                {t("next")} <kbd className="ml-1 rounded border border-white/40 px-1.5 text-xs font-normal">{t("spaceKey")}</kbd>
              </button>
            </div>
          </ResultPanel>
        </Suspense>
      )}
    </div>
  );
}

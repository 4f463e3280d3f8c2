"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { Loading } from "../../../../_components/loading";
import { useServerMessage } from "../../../../_components/use-server-message";
import { useTRPC } from "../../../../_components/trpc";
import { countsDown } from "../../../_components/countdown-rule";
import { clockOffset, useTimeLeft } from "../../../_components/server-clock";
import { AttemptSummary } from "./attempt-summary";
import { BeforeStart } from "./before-start";
import { Countdown } from "./countdown";
import { FinishDialog } from "./finish-dialog";
import { QuestionNav } from "./question-nav";
import { QuestionView } from "./question-view";
import type { Attempt, AssessmentInfo } from "./types";

/** How often a page whose count reached 0 asks the server again until it reports the attempt closed. */
const CLOSE_POLL_MS = 1_500;

/** The question to show first: the one in the address (a reload keeps it), else the first unanswered. */
function initialPosition(attempt: Attempt): number {
  const asked = Number(new URLSearchParams(window.location.search).get("q"));
  if (Number.isInteger(asked) && asked >= 1 && attempt.questions.some((question) => question.position === asked - 1)) return asked - 1;
  return (attempt.questions.find((question) => question.status === "unanswered") ?? attempt.questions[0])?.position ?? 0;
}

/**
 * The take page: before starting, what the assessment is and Start; during the attempt, the
 * question navigation, the question, the countdown and Finish; afterwards, the summary with each
 * question read-only. The countdown runs on the server's clock: the offset between the server's
 * `serverNow` and this device's clock is taken when the attempt is read, so a reload, another
 * device or a wrong clock show the time the server enforces. At 0 the page reads the attempt
 * again, and the server (which closes it at its deadline whether or not a page is open) says
 * it is closed.
 */
export function TakeAssessment({ courseId, assessmentId }: { courseId: string; assessmentId: string }) {
  const t = useTranslations("takeAssessment");
  const refusal = useServerMessage();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const attemptQuery = useQuery(trpc.assessments.attempt.queryOptions({ assessmentId }, { staleTime: 0 }));
  const listQuery = useQuery(trpc.assessments.forCourse.queryOptions({ courseId }));
  const overview = listQuery.data?.find((entry) => entry.id === assessmentId) ?? null;

  if (attemptQuery.isError) {
    return (
      <p role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-700">
        {refusal(attemptQuery.error)}
      </p>
    );
  }
  if (!attemptQuery.data) return <Loading label={t("loading")} />;

  const { assessment, attempt, serverNow } = attemptQuery.data;
  const title = locale === "zh-CN" && assessment.titleZh ? assessment.titleZh : assessment.titleEn;
  const offset = clockOffset(serverNow, attemptQuery.dataUpdatedAt);
  const refetch = () => void attemptQuery.refetch();

  return (
    <div className="space-y-5" data-testid="take-assessment">
      <div>
        <Link href={`/courses/${courseId}`} className="text-sm text-brand-700 hover:underline">
          <span aria-hidden="true">← </span>
          {t("backToCourse")}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold" data-testid="assessment-title">
          {title}
        </h1>
      </div>
      {attempt ? (
        <AttemptView key={attempt.id} assessment={assessment} attempt={attempt} offset={offset} onChanged={refetch} />
      ) : (
        <BeforeStart
          assessment={assessment}
          overview={overview}
          serverNow={serverNow}
          onStarted={() => {
            void queryClient.invalidateQueries({ queryKey: trpc.assessments.attempt.queryKey({ assessmentId }) });
            void queryClient.invalidateQueries({ queryKey: trpc.assessments.forCourse.queryKey() });
          }}
        />
      )}
    </div>
  );
}

function AttemptView({ assessment, attempt, offset, onChanged }: { assessment: AssessmentInfo; attempt: Attempt; offset: number; onChanged: () => void }) {
  const t = useTranslations("takeAssessment");
  const format = useFormatter();
  const refusal = useServerMessage();
  const trpc = useTRPC();
  const finish = useMutation(trpc.assessments.finish.mutationOptions());
  const [position, setPosition] = useState(() => initialPosition(attempt));
  const [confirming, setConfirming] = useState(false);
  const timeLeft = useTimeLeft(attempt.open ? attempt.deadline : null, offset);
  const timeUp = attempt.open && timeLeft === 0;

  const select = useCallback((next: number) => {
    setPosition(next);
    const url = new URL(window.location.href);
    url.searchParams.set("q", String(next + 1));
    window.history.replaceState(window.history.state, "", url);
  }, []);

  // The count reached 0: ask the server until it says the attempt is closed (it closes it at its
  // deadline; a page a little ahead of it asks once more).
  useEffect(() => {
    if (!timeUp) return;
    onChanged();
    const timer = window.setInterval(onChanged, CLOSE_POLL_MS);
    return () => window.clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- onChanged is a new function each render; the poll depends only on the count reaching 0
  }, [timeUp]);

  const questions = attempt.questions;
  const index = questions.findIndex((question) => question.position === position);
  const current = questions[index] ?? questions[0]!;
  const following = questions[index + 1];
  const unanswered = questions.filter((question) => question.status === "unanswered").length;

  function onFinish() {
    finish.mutate(
      { attemptId: attempt.id },
      {
        onSuccess: () => {
          setConfirming(false);
          onChanged();
        },
      },
    );
  }

  return (
    <div className="space-y-5" data-open={attempt.open}>
      {attempt.open ? (
        <div className="sticky top-0 z-10 -mx-4 flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 bg-white/95 px-4 py-2 backdrop-blur sm:mx-0 sm:rounded-xl sm:border" data-testid="attempt-bar">
          {timeLeft !== null && countsDown({ timed: assessment.timeLimitMinutes !== null, msLeft: timeLeft }) ? (
            <Countdown msLeft={timeLeft} />
          ) : attempt.deadline && timeLeft !== null ? (
            <p className="text-sm text-slate-700" data-testid="attempt-due">
              {/* The server's now is the deadline less the time left. */}
              {t("dueLine", { date: format.dateTime(attempt.deadline, { dateStyle: "medium", timeStyle: "short" }), relative: format.relativeTime(attempt.deadline, attempt.deadline.getTime() - timeLeft) })}
            </p>
          ) : (
            <span />
          )}
          <button
            type="button"
            onClick={() => setConfirming(true)}
            className="rounded-lg bg-slate-900 px-4 py-2 font-semibold text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
            data-testid="finish"
          >
            {t("finish")}
          </button>
        </div>
      ) : (
        <AttemptSummary attempt={attempt} onOpen={select} />
      )}
      <QuestionNav questions={questions} current={current.position} onSelect={select} />
      <QuestionView
        key={current.position}
        assessment={assessment}
        attemptId={attempt.id}
        summary={current}
        count={questions.length}
        attemptOpen={attempt.open}
        onNext={following ? () => select(following.position) : null}
        onRefused={onChanged}
      />
      <FinishDialog
        open={confirming && attempt.open}
        unanswered={unanswered}
        pending={finish.isPending}
        error={finish.isError ? refusal(finish.error) : null}
        onConfirm={onFinish}
        onClose={() => setConfirming(false)}
      />
    </div>
  );
}

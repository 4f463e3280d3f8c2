"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Loading } from "../../../../_components/loading";
import { ProblemPanel, type ProblemView } from "../../../../_components/study/problem-panel";
import { useTRPC } from "../../../../_components/trpc";
import { useServerMessage } from "../../../../_components/use-server-message";
import { TryResult } from "./try-result";
import type { AssessmentInfo, GradedTry, QuestionSummary } from "./types";

/** The try just graded, with the variant and the answer it was for (a homework's next try is a new variant). */
interface Answered {
  problem: ProblemView;
  answer: string;
  result: GradedTry;
}

/**
 * One question of the attempt: its points, tries left and what the next is worth, the prompt
 * with the answer input of /review, the outcome of the try just sent, the tries so far as typed,
 * and, once the question takes no more answers, its key and solution where the server shows them.
 * After each answer the attempt and the question are read again from the server.
 */
export function QuestionView({
  assessment,
  attemptId,
  summary,
  count,
  attemptOpen,
  onNext,
  onRefused,
}: {
  assessment: AssessmentInfo;
  attemptId: string;
  summary: QuestionSummary;
  count: number;
  attemptOpen: boolean;
  onNext: (() => void) | null;
  /** An answer the server refused (time up, closed): the attempt is read again. */
  onRefused: () => void;
}) {
  const t = useTranslations("takeAssessment");
  const refusal = useServerMessage();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { position } = summary;
  const question = useQuery(trpc.assessments.question.queryOptions({ attemptId, position }, { staleTime: 0 }));
  const send = useMutation(trpc.assessments.answer.mutationOptions());
  const [answer, setAnswer] = useState("");
  const [answered, setAnswered] = useState<Answered | null>(null);
  const inputRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);

  const data = question.data;
  const formatError = send.data?.status === "format-error" ? send.data.formatErrorHtml : null;

  // A question shown while its attempt closes (time up, finished on another device) is read again.
  const wasOpen = useRef(attemptOpen);
  const { refetch } = question;
  useEffect(() => {
    if (wasOpen.current && !attemptOpen) void refetch();
    wasOpen.current = attemptOpen;
  }, [attemptOpen, refetch]);

  function refresh() {
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.assessments.attempt.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.assessments.question.queryKey({ attemptId, position }) }),
      queryClient.invalidateQueries({ queryKey: trpc.assessments.forCourse.queryKey() }),
    ]);
  }

  function onSubmit() {
    if (!data || !data.answerable) return;
    const problem = data.problem;
    const typed = answer;
    send.mutate(
      { attemptId, position, tryNumber: data.tryNumber, answer: typed },
      {
        onSuccess: (result) => {
          if (result.status !== "graded") return;
          setAnswered({ problem, answer: typed, result });
          void refresh();
        },
        onError: (error) => {
          if (error.data?.code === "CONFLICT" || error.data?.code === "BAD_REQUEST") {
            void refresh();
            onRefused();
          }
        },
      },
    );
  }

  function tryAgain() {
    if (!nextTryLoaded) return;
    setAnswered(null);
    setAnswer("");
    send.reset();
    window.setTimeout(() => inputRef.current?.focus(), 0);
  }

  if (question.isError) {
    return (
      <p role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-700">
        {refusal(question.error)}
      </p>
    );
  }
  if (!data) return <Loading label={t("loading")} />;

  // Right after an answer its result carries the question's new state; the refetched question
  // arrives a moment later, and until then its tries and points are the old ones.
  const state = answered?.result.state ?? data.state;
  // Until that refetch lands, the question read is the answered try's: its variant and try number.
  // A new try offered then would show the old variant and send the used try number (refused as
  // already answered), so "Try again" waits for the question's next try.
  const nextTryLoaded = !answered || data.tryNumber > answered.result.tryNumber;
  const lastTry = data.tries.at(-1) ?? null;
  const locked = Boolean(answered) || !data.answerable;
  const shownProblem = answered?.problem ?? data.problem;
  const shownAnswer = answered ? answered.answer : data.answerable ? answer : (lastTry?.answer ?? "");
  const resultNote = (correct: boolean | null, solutionShown: boolean) =>
    correct === null ? (assessment.gradeAtEnd && attemptOpen ? t("resultsLater") : t("resultsHidden")) : !solutionShown && attemptOpen ? t("keyWaits") : null;
  const number = (value: number) => format.number(value, { maximumFractionDigits: 2 });

  return (
    <section aria-labelledby="question-heading" className="space-y-4" data-testid="question" data-position={position} data-answerable={data.answerable}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="question-heading" className="text-lg font-semibold">
          {t("questionHeading", { number: position + 1, count })}
        </h2>
        <p className="flex flex-wrap gap-x-3 text-sm text-slate-700">
          <span>{t("questionPoints", { points: state.points })}</span>
          {attemptOpen && <span data-testid="tries-left">{state.triesLeft === null ? t("triesUnlimited") : t("triesLeft", { count: state.triesLeft })}</span>}
          {data.answerable && state.nextTryPoints !== null && !answered && <span data-testid="next-try-points">{t("nextTryPoints", { points: state.nextTryPoints })}</span>}
          {state.awarded !== null && (
            <span className="font-medium" data-testid="question-awarded">
              {t("awarded", { awarded: number(state.awarded), points: state.points })}
            </span>
          )}
        </p>
      </div>

      <ProblemPanel
        problem={shownProblem}
        answer={shownAnswer}
        onAnswer={setAnswer}
        onSubmit={onSubmit}
        locked={locked}
        pending={send.isPending}
        formatError={formatError}
        error={send.isError ? t("answerRefused", { message: refusal(send.error) }) : null}
        inputRef={inputRef}
        badge={<span className="rounded-full bg-brand-50 px-2.5 py-1 font-medium text-brand-700">{t(`kind.${assessment.kind}`)}</span>}
      />

      {answered ? (
        <TryResult
          focusKey={`${position}:${answered.result.tryNumber}`}
          answer={answered.answer}
          correct={answered.result.correct}
          earned={answered.result.earned}
          late={answered.result.late}
          feedbackHtml={answered.result.feedbackHtml}
          mistake={answered.result.mistake}
          solution={answered.result.solution}
          options={answered.problem.options}
          template={answered.problem.template}
          note={resultNote(answered.result.correct, answered.result.solution !== null)}
        />
      ) : (
        !data.answerable &&
        lastTry && (
          <TryResult
            focusKey={null}
            answer={lastTry.answer}
            correct={lastTry.correct}
            earned={lastTry.earned}
            late={lastTry.late}
            feedbackHtml={null}
            mistake={null}
            solution={data.solution}
            options={data.problem.options}
            template={data.problem.template}
            note={resultNote(lastTry.correct, data.solution !== null)}
          />
        )
      )}

      {(answered || !data.answerable) && (
        <div className="flex flex-wrap gap-3">
          {answered && data.answerable && state.triesLeft !== 0 && (
            <button
              type="button"
              onClick={tryAgain}
              disabled={!nextTryLoaded}
              aria-busy={!nextTryLoaded}
              className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-wait disabled:opacity-60"
              data-testid="try-again"
            >
              {assessment.kind === "homework" ? t("tryAgainNew") : t("tryAgain")}
            </button>
          )}
          {onNext && (
            <button
              type="button"
              onClick={onNext}
              className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
              data-testid="next-question"
            >
              {t("next")}
            </button>
          )}
        </div>
      )}

      {data.tries.length > 0 && (
        <section aria-labelledby="history-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" data-testid="try-history">
          <h3 id="history-heading" className="font-semibold">
            {t("history")}
          </h3>
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="py-1 pr-4 font-medium">
                    {t("historyTry")}
                  </th>
                  <th scope="col" className="py-1 pr-4 font-medium">
                    {t("historyAnswer")}
                  </th>
                  <th scope="col" className="py-1 font-medium">
                    {t("historyResult")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.tries.map((attemptTry) => (
                  <tr key={attemptTry.tryNumber} className="border-t border-slate-100 align-top" data-testid="history-row">
                    <td className="py-1.5 pr-4 tabular-nums">{attemptTry.tryNumber + 1}</td>
                    <td className="whitespace-pre py-1.5 pr-4 font-mono">{attemptTry.answer}</td>
                    <td className="py-1.5" data-testid="history-result">
                      <span className="flex flex-wrap gap-x-3">
                        {attemptTry.correct !== null && <span>{attemptTry.correct ? t("correct") : t("incorrect")}</span>}
                        {attemptTry.earned !== null && <span>{t("earned", { earned: Math.round(attemptTry.earned * 100) / 100 })}</span>}
                        {attemptTry.late && <span>{t("lateCredit")}</span>}
                        {attemptTry.correct === null && attemptTry.earned === null && <span>{t("historyPending")}</span>}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </section>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "../../../../_components/trpc";
import { useServerMessage } from "../../../../_components/use-server-message";
import type { AssessmentInfo, CourseAssessment } from "./types";

/**
 * What the learner is about to start: its type, questions, points, time limit and due date, the
 * rules that apply, the honour pledge when the exam asks for one, and Start. Starting twice (a
 * second tab, a double click) finds the same attempt on the server.
 */
export function BeforeStart({
  assessment,
  overview,
  serverNow,
  onStarted,
}: {
  assessment: AssessmentInfo;
  /** The assessment as the course page lists it (due date, points, whether it is open); null while loading. */
  overview: CourseAssessment | null;
  serverNow: Date;
  onStarted: () => void;
}) {
  const t = useTranslations("takeAssessment");
  const format = useFormatter();
  const refusal = useServerMessage();
  const trpc = useTRPC();
  const start = useMutation(trpc.assessments.start.mutationOptions());
  const [pledged, setPledged] = useState(false);
  const status = overview?.window ?? "on-time";
  const canStart = status === "on-time" || status === "late";
  const needsPledge = assessment.honourPledge;

  function onStart() {
    if (!canStart || (needsPledge && !pledged) || start.isPending) return;
    start.mutate({ assessmentId: assessment.id, pledge: pledged }, { onSuccess: onStarted });
  }

  return (
    <div className="space-y-5 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6" data-testid="before-start">
      <h2 className="text-lg font-semibold">{t("facts")}</h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1.5 text-sm" data-testid="assessment-facts">
        <dt className="text-slate-600">{t("type")}</dt>
        <dd>{t(`kind.${assessment.kind}`)}</dd>
        <dt className="text-slate-600">{t("questions")}</dt>
        <dd>{assessment.questionCount}</dd>
        {overview && (
          <>
            <dt className="text-slate-600">{t("points")}</dt>
            <dd>{format.number(overview.possiblePoints)}</dd>
          </>
        )}
        <dt className="text-slate-600">{t("timeLimit")}</dt>
        <dd data-testid="time-limit">{assessment.timeLimitMinutes === null ? t("noTimeLimit") : t("minutes", { minutes: assessment.timeLimitMinutes })}</dd>
        {overview && (
          <>
            <dt className="text-slate-600">{t("due")}</dt>
            <dd>
              {overview.dueAt
                ? t("dueValue", {
                    date: format.dateTime(overview.dueAt, { dateStyle: "medium", timeStyle: "short" }),
                    relative: format.relativeTime(overview.dueAt, serverNow),
                  })
                : t("noDue")}
            </dd>
          </>
        )}
      </dl>
      <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
        <li>{assessment.kind === "homework" ? t("rulesHomework") : t("rulesExam")}</li>
        {assessment.timeLimitMinutes !== null && <li>{t("rulesTimed")}</li>}
        {assessment.gradeAtEnd && <li>{t("rulesGradeAtEnd")}</li>}
      </ul>
      {status === "not-open" && <p className="rounded-lg bg-slate-100 px-4 py-3 text-sm text-slate-800">{t("notOpen")}</p>}
      {status === "closed" && <p className="rounded-lg bg-slate-100 px-4 py-3 text-sm text-slate-800">{t("closed")}</p>}
      {status === "late" && <p className="rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900">{t("late")}</p>}
      {canStart && needsPledge && (
        <fieldset className="rounded-lg border border-slate-200 p-4">
          <legend className="px-1 text-sm font-semibold">{t("pledgeTitle")}</legend>
          <label className="flex items-start gap-3 text-sm">
            <input type="checkbox" checked={pledged} onChange={(event) => setPledged(event.target.checked)} className="mt-0.5 h-5 w-5 shrink-0" data-testid="pledge" />
            <span>{t("pledge")}</span>
          </label>
        </fieldset>
      )}
      {canStart && (
        <button
          type="button"
          onClick={onStart}
          disabled={(needsPledge && !pledged) || start.isPending}
          className="rounded-lg bg-brand-600 px-6 py-2.5 text-lg font-semibold text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-not-allowed disabled:opacity-60"
          data-testid="start"
        >
          {start.isPending ? t("starting") : t("start")}
        </button>
      )}
      {start.isError && (
        <p role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-700">
          {refusal(start.error)}
        </p>
      )}
    </div>
  );
}

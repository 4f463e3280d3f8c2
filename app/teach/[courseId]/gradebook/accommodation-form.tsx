"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../../../_components/trpc";
import { useServerMessage } from "../../../_components/use-server-message";
import { errorText, field, okText, primaryButton } from "../../_components/styles";

export interface AccommodationChoice {
  learners: { id: string; name: string; email: string }[];
  assessments: { id: string; title: string }[];
  /** The current accommodation per `${assessmentId}:${userId}`, as the course's wall clocks. */
  current: Record<string, { dueAt: string | null; lateUntil: string | null; extraMinutes: number }>;
}

/**
 * One learner's accommodation on one assessment. The fields start from what the learner has now,
 * so saving without a change keeps it; an empty date gives back the assessment's own date.
 */
export function AccommodationForm({ choice }: { choice: AccommodationChoice }) {
  const t = useTranslations("gradebook.accommodation");
  const refusal = useServerMessage();
  const trpc = useTRPC();
  const router = useRouter();
  const accommodate = useMutation(trpc.gradebook.accommodate.mutationOptions());
  const [userId, setUserId] = useState(choice.learners[0]?.id ?? "");
  const [assessmentId, setAssessmentId] = useState(choice.assessments[0]?.id ?? "");
  const initial = (assessment: string, learner: string) => choice.current[`${assessment}:${learner}`] ?? { dueAt: null, lateUntil: null, extraMinutes: 0 };
  const [dueAt, setDueAt] = useState(initial(assessmentId, userId).dueAt ?? "");
  const [lateUntil, setLateUntil] = useState(initial(assessmentId, userId).lateUntil ?? "");
  const [extraMinutes, setExtraMinutes] = useState(String(initial(assessmentId, userId).extraMinutes));

  function pick(nextAssessment: string, nextLearner: string) {
    setAssessmentId(nextAssessment);
    setUserId(nextLearner);
    const now = initial(nextAssessment, nextLearner);
    setDueAt(now.dueAt ?? "");
    setLateUntil(now.lateUntil ?? "");
    setExtraMinutes(String(now.extraMinutes));
    accommodate.reset();
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    accommodate.mutate(
      { assessmentId, userId, dueAt: dueAt === "" ? null : dueAt, lateUntil: lateUntil === "" ? null : lateUntil, extraMinutes: Number(extraMinutes) },
      { onSuccess: () => router.refresh() },
    );
  }

  if (choice.learners.length === 0 || choice.assessments.length === 0) return null;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="accommodation-form">
      <p className="text-sm text-slate-600" id="accommodation-help">
        {t("help")}
      </p>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <div>
          <label htmlFor="accommodation-learner" className="text-sm font-medium">
            {t("learner")}
          </label>
          <select id="accommodation-learner" className={field} value={userId} onChange={(event) => pick(assessmentId, event.target.value)}>
            {choice.learners.map((learner) => (
              <option key={learner.id} value={learner.id}>
                {learner.name} ({learner.email})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="accommodation-assessment" className="text-sm font-medium">
            {t("assessment")}
          </label>
          <select id="accommodation-assessment" className={field} value={assessmentId} onChange={(event) => pick(event.target.value, userId)}>
            {choice.assessments.map((assessment) => (
              <option key={assessment.id} value={assessment.id}>
                {assessment.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="accommodation-due" className="text-sm font-medium">
            {t("dueAt")}
          </label>
          <input id="accommodation-due" type="datetime-local" className={field} value={dueAt} onChange={(event) => setDueAt(event.target.value)} aria-describedby="accommodation-help" />
        </div>
        <div>
          <label htmlFor="accommodation-late" className="text-sm font-medium">
            {t("lateUntil")}
          </label>
          <input id="accommodation-late" type="datetime-local" className={field} value={lateUntil} onChange={(event) => setLateUntil(event.target.value)} aria-describedby="accommodation-help" />
        </div>
        <div>
          <label htmlFor="accommodation-minutes" className="text-sm font-medium">
            {t("extraMinutes")}
          </label>
          <input id="accommodation-minutes" type="number" min={0} step={1} inputMode="numeric" className={field} value={extraMinutes} onChange={(event) => setExtraMinutes(event.target.value)} />
        </div>
      </div>
      <button type="submit" className={primaryButton} disabled={accommodate.isPending || assessmentId === "" || userId === ""} data-testid="save-accommodation">
        {t("save")}
      </button>
      {accommodate.isSuccess && (
        <p role="status" className={okText}>
          {t("saved", { due: accommodate.data.dueAt?.replace("T", " ") ?? t("noDue"), minutes: accommodate.data.accommodation.extraMinutes })}
        </p>
      )}
      {accommodate.isError && (
        <p role="alert" className={errorText}>
          {refusal(accommodate.error)}
        </p>
      )}
    </form>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { fieldRefusals } from "@/app/_components/field-refusals";
import { useTRPC } from "@/app/_components/trpc";
import { useServerMessage } from "@/app/_components/use-server-message";
import { type FieldErrors, parseFieldErrors } from "../../banks/[bankId]/_editor/field-errors";
import { type AssessmentForm, type AssessmentKind, emptyZone, type ShownWhen, toSaveInput, withKind } from "./assessment-form";
import { AssessmentErrorsContext, Checkbox, ErrorList, Field, inputClass, useErrorsAt } from "./form-field";
import type { PoolBank, SkillGroup } from "./pool-picker";
import { ZoneFields } from "./zone-fields";

const primary = "whitespace-nowrap rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2 disabled:cursor-not-allowed disabled:opacity-60";
const section = "space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6";
const SHOWN: readonly ShownWhen[] = ["immediately", "after-close", "never"];

function Section({ id, title, lead, children, testId }: { id: string; title: string; lead?: string; children: ReactNode; testId?: string }) {
  return (
    <section className={section} aria-labelledby={id} data-testid={testId}>
      <div>
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {lead ? <p className="mt-1 text-sm text-slate-600">{lead}</p> : null}
      </div>
      {children}
    </section>
  );
}

/** Homework or exam as two large choices, each saying what it means. */
function KindChoice({ value, onChange }: { value: AssessmentKind; onChange: (kind: AssessmentKind) => void }) {
  const t = useTranslations("teachAssessments.editor");
  const messages = useErrorsAt("kind");
  return (
    <fieldset data-field="kind">
      <legend className="mb-1 text-sm font-medium text-slate-800">{t("kind")}</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {(["homework", "exam"] as const).map((kind) => (
          <label key={kind} className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-300 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
            <input type="radio" name="kind" value={kind} className="mt-1 h-4 w-4" checked={value === kind} onChange={() => onChange(kind)} data-testid={`kind-${kind}`} />
            <span>
              <span className="block font-medium text-slate-900">{t(`kinds.${kind}`)}</span>
              <span className="block text-sm text-slate-600">{t(`kindHelp.${kind}`)}</span>
            </span>
          </label>
        ))}
      </div>
      <ErrorList messages={messages} />
    </fieldset>
  );
}

function DateField({ label, path, value, onChange, hint, testId }: { label: string; path: string; value: string; onChange: (value: string) => void; hint?: string; testId: string }) {
  return (
    <Field label={label} path={path} hint={hint} testId={`${testId}-field`}>
      {(props) => <input {...props} type="datetime-local" className={inputClass} value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId} />}
    </Field>
  );
}

function ShownWhenField({ label, path, value, onChange }: { label: string; path: string; value: ShownWhen; onChange: (value: ShownWhen) => void }) {
  const t = useTranslations("teachAssessments.editor.review");
  return (
    <Field label={label} path={path}>
      {(props) => (
        <select {...props} className={inputClass} value={value} onChange={(event) => onChange(event.target.value as ShownWhen)} data-testid={path}>
          {SHOWN.map((when) => (
            <option key={when} value={when}>
              {t(`when.${when}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * The assessment editor: what it is, what it draws, when it is open, what learners see after, and
 * whether it is published. One save sends it all; a refused save keeps everything typed and
 * shows each of the server's messages beside its field and in a list at the top.
 */
export function AssessmentEditor({
  courseId,
  assessmentId,
  timeZone,
  start,
  banks,
  skills,
  attempts,
}: {
  courseId: string;
  assessmentId: string | null;
  timeZone: string;
  start: AssessmentForm;
  banks: readonly PoolBank[];
  skills: readonly SkillGroup[];
  attempts: number;
}) {
  const t = useTranslations("teachAssessments.editor");
  const refusal = useServerMessage();
  const ts = useTranslations("serverErrors");
  const trpc = useTRPC();
  const router = useRouter();
  const save = useMutation(trpc.assessments.save.mutationOptions());
  const [form, setForm] = useState<AssessmentForm>(start);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refusals, setRefusals] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const listPath = `/teach/${courseId}/assessments`;

  const set = (patch: Partial<AssessmentForm>) => setForm((before) => ({ ...before, ...patch }));
  // Zone paths (zones.2.draw) name positions: once zones move, old messages would point at the wrong one.
  const setZones = (zones: AssessmentForm["zones"], structural: boolean) => {
    set({ zones });
    if (structural) setErrors((before) => Object.fromEntries(Object.entries(before).filter(([path]) => !path.startsWith("zones"))));
  };
  const moveZone = (index: number, by: -1 | 1) => {
    const zones = [...form.zones];
    [zones[index], zones[index + by]] = [zones[index + by]!, zones[index]!];
    setZones(zones, true);
  };

  function showErrors(found: FieldErrors) {
    setErrors(found);
    setRefusals((count) => count + 1);
  }
  useEffect(() => {
    // After each refused save the summary takes focus, so a keyboard or screen-reader user hears what to fix first.
    if (refusals > 0) summaryRef.current?.focus();
  }, [refusals]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = toSaveInput(form, { courseId, assessmentId });
    if (!parsed.ok) {
      showErrors(Object.fromEntries(Object.entries(parsed.problems).map(([path, problem]) => [path, [t(`local.${problem}`)]])));
      return;
    }
    try {
      await save.mutateAsync(parsed.input);
      setErrors({});
      router.push(listPath);
      router.refresh();
    } catch (error) {
      // Broken rules come with a reason per field, each worded beside its field; invalid input
      // names its fields in the (English) message; any other refusal (the assessment archived
      // meanwhile, not an owner) is one sentence in the page's language.
      const data = (error as { data?: { code?: unknown; reason?: unknown } }).data;
      const namesFields = data?.code === "BAD_REQUEST" && (data.reason == null || data.reason === "assessment.rulesBroken");
      showErrors(fieldRefusals(error, ts) ?? (namesFields ? parseFieldErrors((error as Error).message) : { "": [refusal(error)] }));
    }
  }

  const errorList = Object.entries(errors).flatMap(([path, messages]) => messages.map((message) => ({ path, message })));
  const exam = form.kind === "exam";

  return (
    <AssessmentErrorsContext.Provider value={errors}>
      <form className="space-y-6" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="assessment-form">
        {errorList.length > 0 ? (
          <div ref={summaryRef} tabIndex={-1} role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-red-500" data-testid="error-summary">
            <p className="font-semibold">{t("problems", { count: errorList.length })}</p>
            <ul className="mt-1 list-disc pl-5">
              {errorList.map(({ path, message }) => (
                <li key={`${path}:${message}`}>{path ? t("problemAt", { field: fieldName(t, path), message }) : message}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {attempts > 0 ? (
          <p className="rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="started-note">
            {t("startedNote", { count: attempts })}
          </p>
        ) : null}

        <Section id="about-heading" title={t("about")}>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label={t("titleEn")} path="titleEn">
              {(props) => <input {...props} type="text" required className={inputClass} value={form.titleEn} onChange={(event) => set({ titleEn: event.target.value })} data-testid="title-en" />}
            </Field>
            <Field label={t("titleZh")} path="titleZh" hint={t("titleZhHint")}>
              {(props) => <input {...props} type="text" lang="zh-CN" className={inputClass} value={form.titleZh} onChange={(event) => set({ titleZh: event.target.value })} data-testid="title-zh" />}
            </Field>
          </div>
          <KindChoice value={form.kind} onChange={(kind) => setForm((before) => withKind(before, kind))} />
        </Section>

        <Section id="zones-heading" title={t("zones")} lead={t("zonesLead")} testId="zones">
          <ErrorList messages={errors.zones ?? []} />
          {form.zones.map((zone, index) => (
            <ZoneFields
              key={zone.key}
              index={index}
              count={form.zones.length}
              zone={zone}
              kind={form.kind}
              onChange={(changed) => setZones(form.zones.map((candidate, at) => (at === index ? changed : candidate)), false)}
              onMove={(by) => moveZone(index, by)}
              onRemove={() => setZones(form.zones.filter((_, at) => at !== index), true)}
              banks={banks}
              skills={skills}
            />
          ))}
          <button type="button" className="rounded-lg border border-dashed border-slate-400 px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50" onClick={() => setZones([...form.zones, emptyZone()], true)} data-testid="add-zone">
            {t("addZone")}
          </button>
        </Section>

        <Section id="when-heading" title={t("when")} lead={t("whenLead", { zone: timeZone })}>
          <div className="grid gap-3 sm:grid-cols-3">
            <DateField label={t("opensAt", { zone: timeZone })} path="opensAt" value={form.opensAt} onChange={(opensAt) => set({ opensAt })} hint={t("opensAtHint")} testId="opens-at" />
            <DateField label={t("dueAt", { zone: timeZone })} path="dueAt" value={form.dueAt} onChange={(dueAt) => set({ dueAt })} hint={t("dueAtHint")} testId="due-at" />
            <DateField label={t("lateUntil", { zone: timeZone })} path="lateUntil" value={form.lateUntil} onChange={(lateUntil) => set({ lateUntil })} hint={t("lateUntilHint")} testId="late-until" />
          </div>
          <div className="grid gap-3 sm:grid-cols-3">
            <Field label={t("lateCredit")} path="lateCredit" hint={t("lateCreditHint")} testId="late-credit-field">
              {(props) => <input {...props} type="text" inputMode="decimal" className={inputClass} value={form.latePercent} onChange={(event) => set({ latePercent: event.target.value })} data-testid="late-credit" />}
            </Field>
          </div>
        </Section>

        {exam ? (
          <Section id="exam-heading" title={t("examRules")} testId="exam-rules">
            <div className="grid gap-3 sm:grid-cols-3">
              <Field label={t("timeLimit")} path="timeLimitMinutes" hint={t("timeLimitHint")} testId="time-limit-field">
                {(props) => <input {...props} type="text" inputMode="numeric" className={inputClass} value={form.timeLimitMinutes} onChange={(event) => set({ timeLimitMinutes: event.target.value })} data-testid="time-limit" />}
              </Field>
            </div>
            <Checkbox label={t("honourPledge")} hint={t("honourPledgeHint")} checked={form.honourPledge} onChange={(honourPledge) => set({ honourPledge })} path="honourPledge" testId="honour-pledge" />
            <Checkbox label={t("gradeAtEnd")} hint={t("gradeAtEndHint")} checked={form.gradeAtEnd} onChange={(gradeAtEnd) => set({ gradeAtEnd })} path="gradeAtEnd" testId="grade-at-end" />
          </Section>
        ) : null}

        <Section id="review-heading" title={t("review.heading")} lead={t("review.lead")}>
          <div className="grid gap-3 sm:grid-cols-3">
            <ShownWhenField label={t("review.score")} path="showScore" value={form.showScore} onChange={(showScore) => set({ showScore })} />
            <ShownWhenField label={t("review.correctness")} path="showCorrectness" value={form.showCorrectness} onChange={(showCorrectness) => set({ showCorrectness })} />
            <ShownWhenField label={t("review.solution")} path="showSolution" value={form.showSolution} onChange={(showSolution) => set({ showSolution })} />
          </div>
          <Checkbox
            label={t("countsForReview")}
            hint={t("countsForReviewHint")}
            checked={form.countsForReview}
            onChange={(countsForReview) => set({ countsForReview, countsForReviewChosen: true })}
            path="countsForReview"
            testId="counts-for-review"
          />
        </Section>

        <div className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:flex-row sm:items-center sm:justify-between sm:p-6">
          <Checkbox label={t("published")} hint={t("publishedHint")} checked={form.published} onChange={(published) => set({ published })} path="published" testId="published" />
          <div className="flex items-center gap-4">
            <Link href={listPath} className="text-sm font-medium text-brand-700 underline">
              {t("cancel")}
            </Link>
            <button type="submit" className={primary} disabled={save.isPending} data-testid="save">
              {save.isPending ? t("saving") : assessmentId ? t("save") : t("create")}
            </button>
          </div>
        </div>
      </form>
    </AssessmentErrorsContext.Provider>
  );
}

const FIELD_NAMES = ["titleEn", "titleZh", "kind", "opensAt", "dueAt", "lateUntil", "lateCredit", "timeLimitMinutes", "honourPledge", "gradeAtEnd", "showScore", "showCorrectness", "showSolution", "countsForReview", "published"] as const;
const ZONE_FIELD_NAMES = ["titleEn", "titleZh", "pool", "draw", "points", "pointsPerTry", "shuffle"] as const;

/** A field path as the form labels it ("Zone 2, draw"), so the summary reads without the JSON names. */
function fieldName(t: ReturnType<typeof useTranslations<"teachAssessments.editor">>, path: string): string {
  const top = FIELD_NAMES.find((name) => name === path);
  if (top) return t(`fieldNames.${top}`);
  const zone = /^zones\.(\d+)\.([A-Za-z]+)/.exec(path);
  const zoneField = zone ? ZONE_FIELD_NAMES.find((name) => name === zone[2]) : undefined;
  if (zone && zoneField) return t("fieldNames.zoneField", { number: Number(zone[1]) + 1, field: t(`fieldNames.zone.${zoneField}`) });
  return path;
}

"use client";

import { useTranslations } from "next-intl";
import { GroupErrors, SelectField, smallButton, TextField, TextPairFields } from "./controls";
import type { FixedForm, OptionRow } from "./question-form";
import type { Choice } from "./question-editor";

/** A question with one fixed answer: multiple choice, multi-select, true/false or a number. */
export function FixedFields({ form, onChange, topics, difficulties }: { form: FixedForm; onChange: (form: FixedForm) => void; topics: readonly Choice[]; difficulties: readonly Choice[] }) {
  const t = useTranslations("questionEditor");
  const set = (patch: Partial<FixedForm>) => onChange({ ...form, ...patch });
  const setOption = (index: number, patch: Partial<OptionRow>) => {
    // One correct option in a multiple-choice question: ticking one unticks the others.
    const options = form.options.map((option, i) => (i === index ? { ...option, ...patch } : patch.correct && form.format === "choice" ? { ...option, correct: false } : option));
    set({ options });
  };
  const formats = (["choice", "choices", "boolean", "numeric"] as const).map((format) => ({ value: format, label: t(`formats.${format}`) }));
  return (
    <div className="space-y-6">
      <TextPairFields label={t("title")} path="title" value={form.title} onChange={(title) => set({ title })} testId="title" />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField label={t("format")} path="answer.format" value={form.format} onChange={(format) => set({ format: format as FixedForm["format"] })} options={formats} />
        <SelectField label={t("topic")} path="topic" value={form.topic} onChange={(topic) => set({ topic })} options={topics} />
        <SelectField label={t("difficulty")} path="difficulty" value={form.difficulty} onChange={(difficulty) => set({ difficulty: difficulty as FixedForm["difficulty"] })} options={difficulties} />
      </div>
      <TextPairFields label={t("questionText")} path="prompt" value={form.prompt} onChange={(prompt) => set({ prompt })} multiline testId="prompt" />

      {form.format === "choice" || form.format === "choices" ? (
        <section aria-labelledby="options-heading" className="space-y-2">
          <h3 id="options-heading" className="text-sm font-semibold text-slate-800">
            {t("options")}
          </h3>
          {form.options.map((option, index) => (
            <div key={index} className="space-y-2 rounded-lg border border-slate-200 p-3">
              <TextPairFields label={t("option", { letter: String.fromCharCode(65 + index) })} path={`answer.options.${index}.text`} value={option.text} onChange={(text) => setOption(index, { text })} testId={`option-${index}`} />
              <div className="flex items-center justify-between">
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={option.correct} onChange={(event) => setOption(index, { correct: event.target.checked })} />
                  {t("correct")}
                </label>
                <button type="button" className={smallButton} disabled={form.options.length <= 2} onClick={() => set({ options: form.options.filter((_, i) => i !== index) })}>
                  {t("removeOption", { letter: String.fromCharCode(65 + index) })}
                </button>
              </div>
            </div>
          ))}
          <GroupErrors path="answer.options" />
          <button type="button" className={smallButton} disabled={form.options.length >= 26} onClick={() => set({ options: [...form.options, { text: { en: "", zh: "" }, correct: false }] })}>
            {t("addOption")}
          </button>
        </section>
      ) : form.format === "boolean" ? (
        <SelectField
          label={t("key")}
          path="answer.value"
          value={String(form.booleanValue)}
          onChange={(value) => set({ booleanValue: value === "true" })}
          options={[
            { value: "true", label: t("true") },
            { value: "false", label: t("false") },
          ]}
        />
      ) : (
        <div className="grid items-end gap-3 sm:grid-cols-3">
          <TextField label={t("key")} path="answer.value" value={form.numericValue} onChange={(numericValue) => set({ numericValue })} />
          <TextField label={t("tolerance")} path="answer.tolerance" value={form.tolerance} onChange={(tolerance) => set({ tolerance })} hint={t("toleranceHint")} />
          <label className="flex items-center gap-2 pb-2 text-sm">
            <input type="checkbox" checked={form.integer} onChange={(event) => set({ integer: event.target.checked })} />
            {t("integerOnly")}
          </label>
        </div>
      )}
      <TextPairFields label={t("explanation")} path="explanation" value={form.explanation} onChange={(explanation) => set({ explanation })} multiline testId="explanation" />
    </div>
  );
}

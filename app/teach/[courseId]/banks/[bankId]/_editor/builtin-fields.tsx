"use client";

import { useTranslations } from "next-intl";
import { Field, GroupErrors, inputClass, SelectField, smallButton, TextField, TextPairFields } from "./controls";
import type { BuiltinForm, ConstraintRow, Difficulty } from "./question-form";

/** The catalog as the picker shows it: topics in teaching order, titles in the page's language. */
export interface TemplateGroup {
  topic: string;
  title: string;
  templates: { template: string; title: string; titles: { en: string; "zh-CN": string }; difficulties: readonly Difficulty[] }[];
}

/**
 * A catalog template narrowed: which template, which difficulties, and conditions on the numbers
 * of its engine check. The paths to choose from are read off the current preview, so the
 * instructor picks `spec.layers.0.stride` rather than guessing it.
 */
export function BuiltinFields({ form, onChange, catalog, checkNumbers }: { form: BuiltinForm; onChange: (form: BuiltinForm) => void; catalog: readonly TemplateGroup[]; checkNumbers: Readonly<Record<string, number | boolean>> | null }) {
  const t = useTranslations("questionEditor");
  const set = (patch: Partial<BuiltinForm>) => onChange({ ...form, ...patch });
  const chosen = catalog.flatMap((group) => group.templates).find((entry) => entry.template === form.template);
  const previousTitles = catalog.flatMap((group) => group.templates).find((entry) => entry.template === form.template)?.titles;

  function pickTemplate(template: string) {
    const entry = catalog.flatMap((group) => group.templates).find((candidate) => candidate.template === template);
    // The template's title is a good default until the instructor writes their own.
    const untouched = (form.title.en === "" && form.title.zh === "") || (previousTitles && form.title.en === previousTitles.en && form.title.zh === previousTitles["zh-CN"]);
    set({
      template,
      difficulties: form.difficulties.filter((difficulty) => entry?.difficulties.includes(difficulty)),
      constraints: [],
      title: untouched && entry ? { en: entry.titles.en, zh: entry.titles["zh-CN"] } : form.title,
    });
  }

  const setRow = (index: number, patch: Partial<ConstraintRow>) => set({ constraints: form.constraints.map((row, i) => (i === index ? { ...row, ...patch } : row)) });
  const numericPaths = Object.entries(checkNumbers ?? {}).filter((entry): entry is [string, number] => typeof entry[1] === "number");

  return (
    <div className="space-y-6">
      <Field label={t("template")} path="template">
        {(props) => (
          <select {...props} className={inputClass} value={form.template} onChange={(event) => pickTemplate(event.target.value)} data-testid="template-picker">
            <option value="">{t("chooseTemplate")}</option>
            {catalog.map((group) => (
              <optgroup key={group.topic} label={group.title}>
                {group.templates.map((entry) => (
                  <option key={entry.template} value={entry.template}>
                    {entry.title}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      <TextPairFields label={t("title")} path="title" value={form.title} onChange={(title) => set({ title })} testId="title" />

      {chosen ? (
        <fieldset>
          <legend className="mb-1 text-sm font-semibold text-slate-800">{t("allowedDifficulties")}</legend>
          <p className="mb-2 text-xs text-slate-600">{t("allowedDifficultiesHelp")}</p>
          <div className="flex flex-wrap gap-4">
            {chosen.difficulties.map((difficulty) => (
              <label key={difficulty} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={form.difficulties.includes(difficulty)}
                  onChange={(event) => set({ difficulties: event.target.checked ? [...form.difficulties, difficulty] : form.difficulties.filter((d) => d !== difficulty) })}
                />
                {t(`difficulties.${difficulty}`)}
              </label>
            ))}
          </div>
          <GroupErrors path="difficulties" />
        </fieldset>
      ) : null}

      <section aria-labelledby="constraints-heading" className="space-y-2">
        <h3 id="constraints-heading" className="text-sm font-semibold text-slate-800">
          {t("constraints")}
        </h3>
        <p className="text-xs text-slate-600">{t("constraintsHelp")}</p>
        {form.constraints.map((row, index) => (
          <div key={index} className="rounded-lg border border-slate-200 p-3">
            <div className="grid items-end gap-2 sm:grid-cols-[1fr_8rem_1fr_auto]">
              <TextField label={t("path")} path={`constraints.${index}.path`} value={row.path} onChange={(path) => setRow(index, { path })} testId={`constraint-${index}-path`} />
              <SelectField
                label={t("condition")}
                path={`constraints.${index}.mode`}
                value={row.mode}
                onChange={(mode) => setRow(index, { mode: mode as ConstraintRow["mode"] })}
                options={[
                  { value: "in", label: t("inList") },
                  { value: "range", label: t("between") },
                ]}
              />
              {row.mode === "in" ? (
                <TextField label={t("values")} path={`constraints.${index}.in`} value={row.values} onChange={(values) => setRow(index, { values })} hint={t("valuesHint")} testId={`constraint-${index}-values`} />
              ) : (
                <div className="grid grid-cols-2 gap-2">
                  <TextField label={t("min")} path={`constraints.${index}.min`} value={row.min} onChange={(min) => setRow(index, { min })} />
                  <TextField label={t("max")} path={`constraints.${index}.max`} value={row.max} onChange={(max) => setRow(index, { max })} />
                </div>
              )}
              <button type="button" className={smallButton} onClick={() => set({ constraints: form.constraints.filter((_, i) => i !== index) })} aria-label={t("removeConstraint", { path: row.path || index + 1 })}>
                {t("remove")}
              </button>
            </div>
            <GroupErrors path={`constraints.${index}`} />
          </div>
        ))}
        {numericPaths.length > 0 ? (
          <div className="rounded-lg bg-slate-50 p-3" data-testid="check-paths">
            <p className="mb-2 text-xs text-slate-700">{t("availablePaths")}</p>
            <ul className="flex flex-wrap gap-2">
              {numericPaths.map(([path, value]) => (
                <li key={path}>
                  <button
                    type="button"
                    className={smallButton}
                    onClick={() => set({ constraints: [...form.constraints, { path, mode: "in", values: String(value), min: "", max: "" }] })}
                    aria-label={t("constrainPath", { path, value })}
                  >
                    <code>{path}</code> = {value}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="text-xs text-slate-600">{t("pathsAfterPreview")}</p>
        )}
        <button type="button" className={smallButton} onClick={() => set({ constraints: [...form.constraints, { path: "", mode: "in", values: "", min: "", max: "" }] })}>
          {t("addConstraint")}
        </button>
      </section>
    </div>
  );
}

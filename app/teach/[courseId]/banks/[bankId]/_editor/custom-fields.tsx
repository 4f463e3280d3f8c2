"use client";

import { useTranslations } from "next-intl";
import { GroupErrors, SelectField, smallButton, TextArea, TextField, TextPairFields } from "./controls";
import { ENGINE_EXAMPLE, type CustomForm, type DerivedRow, type MisconceptionRow, type VariableRow } from "./question-form";
import type { Choice } from "./question-editor";

/** Replaces the item at `index` of a list with a changed copy. */
function patchAt<T>(items: readonly T[], index: number, patch: Partial<T>): T[] {
  return items.map((item, i) => (i === index ? { ...item, ...patch } : item));
}

/**
 * A parametrised question of the instructor's own: prompt with `{{placeholders}}`, variables,
 * the key from the engine or a formula, a worked solution and misconceptions.
 */
export function CustomFields({ form, onChange, topics, difficulties }: { form: CustomForm; onChange: (form: CustomForm) => void; topics: readonly Choice[]; difficulties: readonly Choice[] }) {
  const t = useTranslations("questionEditor");
  const set = (patch: Partial<CustomForm>) => onChange({ ...form, ...patch });
  const placeholderHint = t("placeholderHint");
  return (
    <div className="space-y-6">
      <TextPairFields label={t("title")} path="title" value={form.title} onChange={(title) => set({ title })} testId="title" />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label={t("topic")} path="topic" value={form.topic} onChange={(topic) => set({ topic })} options={topics} />
        <SelectField label={t("difficulty")} path="difficulty" value={form.difficulty} onChange={(difficulty) => set({ difficulty: difficulty as CustomForm["difficulty"] })} options={difficulties} />
      </div>
      <TextPairFields label={t("prompt")} path="prompt" value={form.prompt} onChange={(prompt) => set({ prompt })} multiline hint={placeholderHint} testId="prompt" />

      <section aria-labelledby="variables-heading" className="space-y-2">
        <h3 id="variables-heading" className="text-sm font-semibold text-slate-800">
          {t("variables")}
        </h3>
        <p className="text-xs text-slate-600">{t("variablesHelp")}</p>
        {form.variables.map((row, index) => (
          <VariableFields key={index} row={row} index={index} onChange={(patch) => set({ variables: patchAt(form.variables, index, patch) })} onRemove={() => set({ variables: form.variables.filter((_, i) => i !== index) })} />
        ))}
        <GroupErrors path="variables" />
        <button type="button" className={smallButton} onClick={() => set({ variables: [...form.variables, { name: "", mode: "range", min: "", max: "", step: "", values: "" }] })}>
          {t("addVariable")}
        </button>
      </section>

      <section aria-labelledby="derived-heading" className="space-y-2">
        <h3 id="derived-heading" className="text-sm font-semibold text-slate-800">
          {t("derived")}
        </h3>
        <p className="text-xs text-slate-600">{t("derivedHelp")}</p>
        {form.derived.map((row, index) => (
          <DerivedFields key={index} row={row} index={index} onChange={(patch) => set({ derived: patchAt(form.derived, index, patch) })} onRemove={() => set({ derived: form.derived.filter((_, i) => i !== index) })} />
        ))}
        <button type="button" className={smallButton} onClick={() => set({ derived: [...form.derived, { name: "", formula: "" }] })}>
          {t("addDerived")}
        </button>
      </section>

      <AnswerFields form={form} set={set} />

      <TextPairFields label={t("solution")} path="solution" value={form.solution} onChange={(solution) => set({ solution })} multiline hint={t("solutionHint")} />

      <section aria-labelledby="misconceptions-heading" className="space-y-2">
        <h3 id="misconceptions-heading" className="text-sm font-semibold text-slate-800">
          {t("misconceptions")}
        </h3>
        <p className="text-xs text-slate-600">{t("misconceptionsHelp")}</p>
        {form.misconceptions.map((row, index) => (
          <MisconceptionFields
            key={index}
            row={row}
            index={index}
            onChange={(patch) => set({ misconceptions: patchAt(form.misconceptions, index, patch) })}
            onRemove={() => set({ misconceptions: form.misconceptions.filter((_, i) => i !== index) })}
          />
        ))}
        <button
          type="button"
          className={smallButton}
          onClick={() => set({ misconceptions: [...form.misconceptions, { id: "", mode: "formula", formula: "", value: "", message: { en: "", zh: "" } }] })}
        >
          {t("addMisconception")}
        </button>
      </section>
    </div>
  );
}

function VariableFields({ row, index, onChange, onRemove }: { row: VariableRow; index: number; onChange: (patch: Partial<VariableRow>) => void; onRemove: () => void }) {
  const t = useTranslations("questionEditor");
  const at = `variables.${index}`;
  return (
    <div className="rounded-lg border border-slate-200 p-3" data-testid={`variable-${index}`}>
      <div className="grid items-end gap-2 sm:grid-cols-[6rem_8rem_1fr_1fr_1fr_auto]">
        <TextField label={t("variableName")} path={`${at}.name`} value={row.name} onChange={(name) => onChange({ name })} testId={`variable-${index}-name`} />
        <SelectField
          label={t("variableKind")}
          path={`${at}.kind`}
          value={row.mode}
          onChange={(mode) => onChange({ mode: mode as VariableRow["mode"] })}
          options={[
            { value: "range", label: t("range") },
            { value: "list", label: t("list") },
          ]}
        />
        {row.mode === "range" ? (
          <>
            <TextField label={t("min")} path={`${at}.min`} value={row.min} onChange={(min) => onChange({ min })} testId={`variable-${index}-min`} />
            <TextField label={t("max")} path={`${at}.max`} value={row.max} onChange={(max) => onChange({ max })} testId={`variable-${index}-max`} />
            <TextField label={t("step")} path={`${at}.step`} value={row.step} onChange={(step) => onChange({ step })} />
          </>
        ) : (
          <TextField className="sm:col-span-3" label={t("values")} path={`${at}.values`} value={row.values} onChange={(values) => onChange({ values })} hint={t("valuesHint")} testId={`variable-${index}-values`} />
        )}
        <button type="button" className={smallButton} onClick={onRemove} aria-label={t("removeVariable", { name: row.name || index + 1 })}>
          {t("remove")}
        </button>
      </div>
      <GroupErrors path={at} />
    </div>
  );
}

function DerivedFields({ row, index, onChange, onRemove }: { row: DerivedRow; index: number; onChange: (patch: Partial<DerivedRow>) => void; onRemove: () => void }) {
  const t = useTranslations("questionEditor");
  const at = `derived.${index}`;
  return (
    <div className="grid items-end gap-2 rounded-lg border border-slate-200 p-3 sm:grid-cols-[6rem_1fr_auto]">
      <TextField label={t("variableName")} path={`${at}.name`} value={row.name} onChange={(name) => onChange({ name })} />
      <TextField label={t("formula")} path={`${at}.formula`} value={row.formula} onChange={(formula) => onChange({ formula })} />
      <button type="button" className={smallButton} onClick={onRemove} aria-label={t("removeDerived", { name: row.name || index + 1 })}>
        {t("remove")}
      </button>
    </div>
  );
}

function AnswerFields({ form, set }: { form: CustomForm; set: (patch: Partial<CustomForm>) => void }) {
  const t = useTranslations("questionEditor");
  const kinds = (["integer", "number", "shape", "matrix", "boolean"] as const).map((kind) => ({ value: kind, label: t(`answerKinds.${kind}`) }));
  return (
    <section aria-labelledby="answer-heading" className="space-y-3 rounded-lg border border-slate-200 p-3">
      <h3 id="answer-heading" className="text-sm font-semibold text-slate-800">
        {t("answer")}
      </h3>
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField label={t("answerKind")} path="answer.kind" value={form.answerKind} onChange={(answerKind) => set({ answerKind: answerKind as CustomForm["answerKind"] })} options={kinds} />
        <TextField label={t("tolerance")} path="answer.tolerance" value={form.tolerance} onChange={(tolerance) => set({ tolerance })} hint={t("toleranceHint")} />
        <SelectField
          label={t("keyedBy")}
          path="answer.source"
          value={form.source}
          onChange={(source) => set({ source: source as CustomForm["source"] })}
          options={[
            { value: "engine", label: t("keyedByEngine") },
            { value: "formula", label: t("keyedByFormula") },
          ]}
        />
      </div>
      {form.source === "formula" ? (
        <TextField label={t("formula")} path="answer.formula" value={form.formula} onChange={(formula) => set({ formula })} hint={t("formulaHint")} />
      ) : (
        <div className="space-y-3">
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectField
              label={t("engineMode")}
              path="answer.engine.mode"
              value={form.engineMode}
              onChange={(engineMode) => set({ engineMode: engineMode as CustomForm["engineMode"] })}
              options={[
                { value: "analyze", label: t("engineAnalyze") },
                { value: "run", label: t("engineRun") },
              ]}
            />
            <TextField label={t("select")} path="answer.engine.select" value={form.select} onChange={(select) => set({ select })} hint={t("selectHint")} testId="engine-select" />
          </div>
          <TextArea
            label={form.engineMode === "analyze" ? t("engineSpec") : t("engineOp")}
            path={form.engineMode === "analyze" ? "answer.engine.spec" : "answer.engine.op"}
            value={form.engineJson}
            onChange={(engineJson) => set({ engineJson })}
            hint={t("engineHint")}
            rows={4}
            testId="engine-json"
          />
          <GroupErrors path="answer.engine" />
          <button type="button" className={smallButton} onClick={() => set({ engineMode: "analyze", engineJson: ENGINE_EXAMPLE, select: "totalParams" })}>
            {t("engineExample")}
          </button>
        </div>
      )}
    </section>
  );
}

function MisconceptionFields({ row, index, onChange, onRemove }: { row: MisconceptionRow; index: number; onChange: (patch: Partial<MisconceptionRow>) => void; onRemove: () => void }) {
  const t = useTranslations("questionEditor");
  const at = `misconceptions.${index}`;
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 p-3">
      <div className="grid items-end gap-2 sm:grid-cols-[10rem_8rem_1fr_auto]">
        <TextField label={t("misconceptionId")} path={`${at}.id`} value={row.id} onChange={(id) => onChange({ id })} />
        <SelectField
          label={t("whenAnswerEquals")}
          path={`${at}.mode`}
          value={row.mode}
          onChange={(mode) => onChange({ mode: mode as MisconceptionRow["mode"] })}
          options={[
            { value: "formula", label: t("formula") },
            { value: "value", label: t("value") },
          ]}
        />
        {row.mode === "formula" ? (
          <TextField label={t("formula")} path={`${at}.formula`} value={row.formula} onChange={(formula) => onChange({ formula })} />
        ) : (
          <TextField label={t("value")} path={`${at}.value`} value={row.value} onChange={(value) => onChange({ value })} />
        )}
        <button type="button" className={smallButton} onClick={onRemove} aria-label={t("removeMisconception", { name: row.id || index + 1 })}>
          {t("remove")}
        </button>
      </div>
      <TextPairFields label={t("message")} path={`${at}.message`} value={row.message} onChange={(message) => onChange({ message })} />
      <GroupErrors path={at} />
    </div>
  );
}

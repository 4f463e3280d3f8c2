"use client";

import { useTranslations } from "next-intl";
import type { RefObject } from "react";
import { answerHintValues } from "@/lib/grading/answer-examples";
import { Html } from "../html";
import { SpecInput } from "./spec-input";
import { useChoiceKeys } from "./use-choice-keys";

export interface ChoiceOptionView {
  id: string;
  text: string;
  /** The option typeset on the server. */
  html: string;
}

interface AnswerInputProps {
  kind: string;
  options: ChoiceOptionView[] | null;
  value: string;
  onChange: (value: string) => void;
  locked: boolean;
  inputRef: RefObject<HTMLInputElement | HTMLTextAreaElement | null>;
}

const inputClass =
  "block w-full rounded-lg border border-slate-300 px-3 py-2 font-mono focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100 read-only:bg-slate-50";

/** Ids of a multi-select answer as typed ("A, C"), in option order. */
function selectedIds(value: string): Set<string> {
  return new Set(value.split(/[\s,]+/).filter(Boolean));
}

/**
 * The answer field for a problem's kind: a text field for numbers and shapes, a text area for
 * matrices, radio buttons or check boxes for choices, two buttons for true/false. Whatever the
 * control, the answer is sent as the text a learner could also have typed (for a design problem,
 * a form of layers or JSON, both the spec JSON).
 */
export function AnswerInput({ kind, options, value, onChange, locked, inputRef }: AnswerInputProps) {
  const t = useTranslations("review");
  const choosing = (kind === "choice" || kind === "choices") && options !== null;
  useChoiceKeys({ active: choosing && !locked, optionIds: options?.map((option) => option.id) ?? [], multiple: kind === "choices", answer: value, onChange });

  if (choosing) {
    const multiple = kind === "choices";
    const chosen = multiple ? selectedIds(value) : new Set([value]);
    return (
      <fieldset className="space-y-2" data-testid="answer-options">
        <legend className="sr-only">{t("answerLabel")}</legend>
        {options.map((option) => (
          <label
            key={option.id}
            className={`flex cursor-pointer items-start gap-3 rounded-lg border px-3 py-2 ${chosen.has(option.id) ? "border-brand-500 bg-brand-50" : "border-slate-200 hover:bg-slate-50"}`}
          >
            <input
              type={multiple ? "checkbox" : "radio"}
              name="answer-option"
              value={option.id}
              checked={chosen.has(option.id)}
              disabled={locked}
              className="mt-1.5"
              onChange={(event) => {
                if (!multiple) return onChange(option.id);
                const next = new Set(chosen);
                if (event.target.checked) next.add(option.id);
                else next.delete(option.id);
                onChange(options.filter((o) => next.has(o.id)).map((o) => o.id).join(", "));
              }}
            />
            <span className="font-semibold text-slate-500">{option.id}.</span>
            <Html compact className="flex-1" html={option.html} />
          </label>
        ))}
      </fieldset>
    );
  }

  if (kind === "boolean") {
    return (
      <div className="flex gap-3" role="radiogroup" aria-label={t("answerLabel")} data-testid="answer-boolean">
        {(["true", "false"] as const).map((choice) => (
          <button
            key={choice}
            type="button"
            role="radio"
            aria-checked={value === choice}
            disabled={locked}
            onClick={() => onChange(choice)}
            className={`flex-1 rounded-lg border px-4 py-2 font-semibold ${value === choice ? "border-brand-500 bg-brand-50 text-brand-700" : "border-slate-300 text-slate-700 hover:bg-slate-50"}`}
          >
            {t(choice === "true" ? "booleanTrue" : "booleanFalse")}
          </button>
        ))}
      </div>
    );
  }

  if (kind === "spec") return <SpecInput value={value} onChange={onChange} locked={locked} inputRef={inputRef} />;

  if (kind === "matrix") {
    return (
      <textarea
        id="answer"
        ref={inputRef as RefObject<HTMLTextAreaElement>}
        name="answer"
        rows={4}
        spellCheck={false}
        value={value}
        maxLength={1000}
        readOnly={locked}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby="answer-hint"
        className={inputClass}
      />
    );
  }

  return (
    <input
      id="answer"
      ref={inputRef as RefObject<HTMLInputElement>}
      name="answer"
      autoComplete="off"
      spellCheck={false}
      value={value}
      maxLength={1000}
      readOnly={locked}
      onChange={(event) => onChange(event.target.value)}
      aria-describedby="answer-hint"
      className={inputClass}
    />
  );
}

const HINTS: Record<string, string> = {
  shape: "hints.shape",
  integer: "hints.integer",
  number: "hints.number",
  matrix: "hints.matrix",
  choice: "hints.choice",
  choices: "hints.choices",
  boolean: "hints.boolean",
  spec: "hints.spec",
};

/** One line under the field saying how to write this kind of answer. */
export function AnswerHint({ kind }: { kind: string }) {
  const t = useTranslations("review");
  const key = HINTS[kind];
  if (!key) return null;
  return (
    <p id="answer-hint" className="mt-2 text-xs text-slate-500">
      {t(key as "hints.shape", answerHintValues())}
    </p>
  );
}

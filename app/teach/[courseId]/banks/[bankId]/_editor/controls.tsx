"use client";

import { useTranslations } from "next-intl";
import { createContext, type ReactNode, useContext, useId } from "react";
import { errorsAt, type FieldErrors } from "./field-errors";
import type { TextPair } from "./question-form";

/** The server's field errors, so each control finds its own by path without threading props. */
export const FieldErrorsContext = createContext<FieldErrors>({});

export const inputClass =
  "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-600";

/** A field's messages from the server, under the field, tied to it by `aria-describedby`. */
function FieldMessages({ id, messages }: { id: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-xs text-red-700" data-testid="field-error">
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

/** One labelled control bound to a definition path (`variables.0.max`) for its errors. */
export function Field({
  label,
  path,
  hint,
  children,
  className,
}: {
  label: string;
  path: string;
  hint?: string;
  className?: string;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}) {
  const id = useId();
  const messages = errorsAt(useContext(FieldErrorsContext), path);
  const described = [messages.length > 0 ? `${id}-errors` : "", hint ? `${id}-hint` : ""].filter(Boolean).join(" ");
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-700">
        {label}
      </label>
      {children({ id, "aria-invalid": messages.length > 0, "aria-describedby": described || undefined })}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <FieldMessages id={`${id}-errors`} messages={messages} />
    </div>
  );
}

export function TextField({ label, path, value, onChange, hint, className, testId }: { label: string; path: string; value: string; onChange: (value: string) => void; hint?: string; className?: string; testId?: string }) {
  return (
    <Field label={label} path={path} hint={hint} className={className}>
      {(props) => <input {...props} type="text" className={inputClass} value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId} />}
    </Field>
  );
}

export function TextArea({ label, path, value, onChange, hint, rows = 3, testId }: { label: string; path: string; value: string; onChange: (value: string) => void; hint?: string; rows?: number; testId?: string }) {
  return (
    <Field label={label} path={path} hint={hint}>
      {(props) => <textarea {...props} rows={rows} className={`${inputClass} font-mono`} value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId} />}
    </Field>
  );
}

export function SelectField({ label, path, value, onChange, options, className }: { label: string; path: string; value: string; onChange: (value: string) => void; options: readonly { value: string; label: string }[]; className?: string }) {
  return (
    <Field label={label} path={path} className={className}>
      {(props) => (
        <select {...props} className={inputClass} value={value} onChange={(event) => onChange(event.target.value)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A text in English and, optionally, Chinese: side by side, each with its own path. */
export function TextPairFields({ label, path, value, onChange, multiline = false, hint, testId }: { label: string; path: string; value: TextPair; onChange: (value: TextPair) => void; multiline?: boolean; hint?: string; testId?: string }) {
  const t = useTranslations("questionEditor");
  const Control = multiline ? TextArea : TextField;
  return (
    <fieldset className="grid gap-3 md:grid-cols-2">
      <legend className="mb-1 text-sm font-semibold text-slate-800">{label}</legend>
      <Control label={t("inEnglish")} path={`${path}.en`} value={value.en} onChange={(en) => onChange({ ...value, en })} hint={hint} testId={testId ? `${testId}-en` : undefined} />
      <Control label={t("inChinese")} path={`${path}.zh-CN`} value={value.zh} onChange={(zh) => onChange({ ...value, zh })} hint={hint} testId={testId ? `${testId}-zh` : undefined} />
    </fieldset>
  );
}

/** Messages about a whole row or list (`variables.0`, `answer.options`), shown under it. */
export function GroupErrors({ path }: { path: string }) {
  const id = useId();
  return <FieldMessages id={id} messages={errorsAt(useContext(FieldErrorsContext), path)} />;
}

export const smallButton = "rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50";

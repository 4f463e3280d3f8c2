"use client";

import { createContext, type ReactNode, useContext, useId } from "react";
import type { FieldErrors } from "../../banks/[bankId]/_editor/field-errors";
import { errorsUnder } from "./assessment-form";

/** The refused save's messages by field path, so each control finds its own without threading props. */
export const AssessmentErrorsContext = createContext<FieldErrors>({});

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-600 sm:text-sm";

export const smallButton =
  "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 disabled:cursor-not-allowed disabled:opacity-50";

/** Messages of `path` and the parts under it; none for a control bound to no path. */
export function useErrorsAt(path: string | undefined): string[] {
  const errors = useContext(AssessmentErrorsContext);
  return path === undefined ? [] : errorsUnder(errors, path);
}

/** Messages under a field or a group, tied to it by `aria-describedby` through `id`. */
export function ErrorList({ id, messages, testId = "field-error" }: { id?: string; messages: readonly string[]; testId?: string }) {
  if (messages.length === 0) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm text-red-700" data-testid={testId}>
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

/** One labelled control whose errors are those of `path` and the parts under it. */
export function Field({
  label,
  path,
  hint,
  className,
  testId,
  children,
}: {
  label: string;
  path: string;
  hint?: string;
  className?: string;
  testId?: string;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}) {
  const id = useId();
  const messages = useErrorsAt(path);
  const described = [hint ? `${id}-hint` : "", messages.length > 0 ? `${id}-errors` : ""].filter(Boolean).join(" ");
  return (
    <div className={className} data-testid={testId} data-field={path}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, "aria-invalid": messages.length > 0, "aria-describedby": described || undefined })}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <ErrorList id={`${id}-errors`} messages={messages} />
    </div>
  );
}

/** A checkbox with its label and an optional line of help under it. */
export function Checkbox({ label, hint, checked, onChange, testId, path }: { label: string; hint?: string; checked: boolean; onChange: (checked: boolean) => void; testId?: string; path?: string }) {
  const id = useId();
  const messages = useErrorsAt(path);
  return (
    <div className="flex items-start gap-3" data-field={path}>
      <input
        id={id}
        type="checkbox"
        className="mt-1 h-4 w-4 shrink-0 rounded border-slate-400 text-brand-600 focus:ring-brand-500"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={[hint ? `${id}-hint` : "", messages.length > 0 ? `${id}-errors` : ""].filter(Boolean).join(" ") || undefined}
        aria-invalid={messages.length > 0}
        data-testid={testId}
      />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="text-xs text-slate-600">
            {hint}
          </p>
        ) : null}
        <ErrorList id={`${id}-errors`} messages={messages} />
      </div>
    </div>
  );
}

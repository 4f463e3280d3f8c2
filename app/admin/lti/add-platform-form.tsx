"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { errorText, field, okText, primaryButton } from "../../teach/_components/styles";
import { addPlatformAction, type AddState } from "./actions";

const FIELDS = [
  { name: "name", label: "name", type: "text" },
  { name: "issuer", label: "issuer", type: "url" },
  { name: "clientId", label: "clientId", type: "text" },
  { name: "authLoginUrl", label: "authLoginUrl", type: "url" },
  { name: "accessTokenUrl", label: "accessTokenUrl", type: "url" },
  { name: "jwksUrl", label: "platformJwksUrl", type: "url" },
] as const;

/** Registers a platform from the values its LMS shows (the same checks as `stride lti platform add`). */
export function AddPlatformForm() {
  const t = useTranslations("adminLti");
  const [state, action, pending] = useActionState<AddState, FormData>(addPlatformAction, { status: "idle" });
  const problems = state.status === "refused" ? state.problems : [];
  const values = state.status === "refused" ? state.values : {};
  const problemOf = (name: string) => problems.find((problem) => problem.field === name);
  // A refused form keeps what was typed; an added one starts empty (a new key resets the fields).
  const formKey = state.status === "added" ? `added-${state.name}` : "form";
  return (
    <form key={formKey} action={action} className="grid gap-4 sm:grid-cols-2" data-testid="add-platform-form" noValidate>
      {FIELDS.map((entry) => {
        const problem = problemOf(entry.name);
        return (
          <label key={entry.name} className="block min-w-0">
            <span className="text-sm font-medium text-slate-700">{t(entry.label)}</span>
            <input
              type={entry.type}
              name={entry.name}
              required
              defaultValue={values[entry.name] ?? ""}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${entry.name}-problem` : undefined}
              className={field}
              autoComplete="off"
              spellCheck={false}
            />
            {problem && (
              <span id={`${entry.name}-problem`} className="mt-1 block text-sm text-red-700">
                {problem.message}
              </span>
            )}
          </label>
        );
      })}
      <label className="block min-w-0 sm:col-span-2">
        <span className="text-sm font-medium text-slate-700">{t("deployments")}</span>
        <textarea
          name="deploymentIds"
          rows={2}
          required
          defaultValue={values.deploymentIds ?? ""}
          aria-invalid={problemOf("deploymentIds") ? true : undefined}
          aria-describedby="deploymentIds-help"
          className={field}
          spellCheck={false}
        />
        <span id="deploymentIds-help" className="mt-1 block text-sm text-slate-600">
          {problemOf("deploymentIds")?.message ?? t("deploymentsHelp")}
        </span>
      </label>
      <div className="space-y-2 sm:col-span-2">
        {problems.length > 0 && (
          <ul role="alert" className={errorText} data-testid="add-platform-problems">
            {problems.map((problem) => (
              <li key={`${problem.field}-${problem.message}`}>{t("fieldProblem", { field: t(labelOf(problem.field)), problem: problem.message })}</li>
            ))}
          </ul>
        )}
        {state.status === "added" && (
          <p role="status" className={okText}>
            {t("added", { name: state.name })}
          </p>
        )}
        <button type="submit" disabled={pending} className={primaryButton}>
          {pending ? t("adding") : t("add")}
        </button>
      </div>
    </form>
  );
}

function labelOf(fieldName: string): "name" | "issuer" | "clientId" | "authLoginUrl" | "accessTokenUrl" | "platformJwksUrl" | "deployments" {
  if (fieldName === "jwksUrl") return "platformJwksUrl";
  if (fieldName === "deploymentIds") return "deployments";
  return (FIELDS.find((entry) => entry.name === fieldName)?.label ?? "name") as "name";
}

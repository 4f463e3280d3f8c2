"use client";

import { useTranslations } from "next-intl";

/** A validation run as the server stores it on a version (lib/server/questions/question-content.ts). */
export interface ValidationSummary {
  ok: boolean;
  checked: number;
  exhaustive: boolean;
  failureCount: number;
  failures: { code: string; message: string; variables?: Record<string, number | boolean>; seed?: number }[];
  duplicateCount: number;
  ranAt: string;
}

/** What the last validation run found: how many variants, which failed with which variables, duplicates. */
export function ValidationReport({ validation, version }: { validation: ValidationSummary | null; version: number | null }) {
  const t = useTranslations("questionEditor");
  if (!validation) {
    return (
      <p className="text-sm text-slate-600" data-testid="validation">
        {t("notValidated")}
      </p>
    );
  }
  return (
    <div
      className={`space-y-2 rounded-lg px-3 py-2 text-sm ${validation.ok ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-900"}`}
      data-testid="validation"
      data-ok={validation.ok}
      role="status"
    >
      <p className="font-semibold">
        {validation.ok ? t("validationOk", { version: version ?? 0 }) : t("validationFailed", { version: version ?? 0, count: validation.failureCount })}
      </p>
      <p>
        {validation.exhaustive ? t("checkedAll", { count: validation.checked }) : t("checkedSample", { count: validation.checked })}
        {validation.duplicateCount > 0 ? ` ${t("duplicates", { count: validation.duplicateCount })}` : ""}
      </p>
      {validation.failures.length > 0 ? (
        <ul className="max-h-64 space-y-1 overflow-auto">
          {validation.failures.map((failure, index) => (
            <li key={index} className="rounded bg-white/70 px-2 py-1" data-testid="validation-failure">
              <span className="font-mono text-xs">
                {failure.variables
                  ? Object.entries(failure.variables)
                      .map(([name, value]) => `${name} = ${String(value)}`)
                      .join(", ")
                  : t("seedIs", { seed: failure.seed ?? 0 })}
              </span>
              <span className="block">{failure.message}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {validation.failureCount > validation.failures.length ? <p>{t("moreFailures", { count: validation.failureCount - validation.failures.length })}</p> : null}
    </div>
  );
}

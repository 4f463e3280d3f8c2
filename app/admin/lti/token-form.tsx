"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionState } from "react";
import { errorText, field, primaryButton } from "../../teach/_components/styles";
import { createTokenAction, type TokenState } from "./actions";
import { CopyValue } from "./copy-value";

/** Makes a one-time registration link and shows it once. */
export function TokenForm() {
  const t = useTranslations("adminLti");
  const format = useFormatter();
  const [state, action, pending] = useActionState<TokenState, FormData>(createTokenAction, { status: "idle" });
  return (
    <form action={action} className="space-y-3" data-testid="token-form">
      <label className="block max-w-40">
        <span className="text-sm font-medium text-slate-700">{t("hoursLabel")}</span>
        <input type="number" name="hours" min={1} max={720} step={1} defaultValue={24} required className={field} />
      </label>
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? t("tokenCreating") : t("tokenCreate")}
      </button>
      {state.status === "made" && (
        <div role="status" className="space-y-2 rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          <p>{t("tokenMade", { expiresAt: format.dateTime(new Date(state.expiresAt), { dateStyle: "medium", timeStyle: "short" }) })}</p>
          <CopyValue value={state.url} testId="registration-link" />
        </div>
      )}
      {state.status === "failed" && (
        <p role="alert" className={errorText}>
          {t("failed")}
        </p>
      )}
    </form>
  );
}

"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { authClient } from "../_components/auth-client";
import { fieldClass, primaryButtonClass } from "../_components/account/field-styles";

/**
 * Asks for a reset link. The answer is the same whether or not an account has the address, so
 * the page cannot be used to find out who has an account.
 */
export function ForgotPasswordForm() {
  const t = useTranslations("password");
  const [email, setEmail] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const address = email.trim();
    const { error: failure } = await authClient.requestPasswordReset({ email: address, redirectTo: "/reset-password" });
    setBusy(false);
    if (failure) {
      setError(failure.status === 429 ? t("tooMany") : t("failed"));
      return;
    }
    setSentTo(address);
  }

  return (
    <div className="mx-auto max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-semibold">{t("forgotTitle")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("forgotLead")}</p>
      {sentTo ? (
        <p role="status" className="mt-6 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800" data-testid="reset-sent">
          {t("sent", { email: sentTo })}
        </p>
      ) : (
        <form onSubmit={submit} className="mt-6 space-y-4" noValidate>
          <label className="block">
            <span className="text-sm font-medium text-slate-700">{t("email")}</span>
            <input type="email" name="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} className={fieldClass} />
          </label>
          {error && (
            <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
              {error}
            </p>
          )}
          <button type="submit" disabled={busy || !email.trim()} className={primaryButtonClass}>
            {busy ? t("sending") : t("send")}
          </button>
        </form>
      )}
      <p className="mt-4 text-sm">
        <Link href="/sign-in" className="font-semibold text-brand-700 hover:underline">
          {t("backToSignIn")}
        </Link>
      </p>
    </div>
  );
}

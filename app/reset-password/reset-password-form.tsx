"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { authClient } from "../_components/auth-client";
import { fieldClass, primaryButtonClass } from "../_components/account/field-styles";
import { MIN_PASSWORD_LENGTH, NewPasswordField } from "../_components/account/new-password-field";

/** The new password, typed twice; a spent or expired link says so and offers a new one. */
export function ResetPasswordForm({ token }: { token: string | null }) {
  const t = useTranslations("password");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(token === null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password.length < MIN_PASSWORD_LENGTH) return setError(t("tooShort"));
    if (password !== confirm) return setError(t("mismatch"));
    setBusy(true);
    setError(null);
    const { error: failure } = await authClient.resetPassword({ newPassword: password, token: token ?? "" });
    setBusy(false);
    if (!failure) return setDone(true);
    if (failure.status === 429) return setError(t("tooMany"));
    if (failure.status === 400) return setInvalid(true);
    setError(t("failed"));
  }

  return (
    <div className="mx-auto max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-semibold">{t("resetTitle")}</h1>
      {invalid ? (
        <div className="mt-6 space-y-4">
          <p role="alert" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="reset-invalid">
            {t("invalidLink")}
          </p>
          <Link href="/forgot-password" className="font-semibold text-brand-700 hover:underline">
            {t("newLink")}
          </Link>
        </div>
      ) : done ? (
        <div className="mt-6 space-y-4">
          <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800" data-testid="reset-done">
            {t("resetDone")}
          </p>
          <Link href="/sign-in" className="font-semibold text-brand-700 hover:underline">
            {t("signIn")}
          </Link>
        </div>
      ) : (
        <form onSubmit={submit} className="mt-6 space-y-4" noValidate>
          <NewPasswordField value={password} onChange={setPassword} helpId="password-help" />
          <label className="block">
            <span className="text-sm font-medium text-slate-700">{t("confirmPassword")}</span>
            <input type="password" name="confirm-password" autoComplete="new-password" required value={confirm} onChange={(event) => setConfirm(event.target.value)} className={fieldClass} />
          </label>
          {error && (
            <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
              {error}
            </p>
          )}
          <button type="submit" disabled={busy || !password || !confirm} className={primaryButtonClass}>
            {busy ? t("saving") : t("save")}
          </button>
        </form>
      )}
    </div>
  );
}

"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { authClient } from "../_components/auth-client";
import { fieldClass } from "../_components/account/field-styles";
import { MIN_PASSWORD_LENGTH, NewPasswordField } from "../_components/account/new-password-field";

/**
 * Changes the password with the current one (better-auth's change-password, rate-limited). An
 * account an LMS made has no password (lib/server/lti/provision-user.ts): for it, the section says
 * so and names the LMS it signs in from. It offers no "set a password": better-auth's setPassword
 * asks for no fresh sign-in, so a borrowed session could quietly give itself a lasting way in.
 */
export function ChangePasswordForm({ hasPassword, platforms }: { hasPassword: boolean; platforms: string[] }) {
  const t = useTranslations("password");
  const format = useFormatter();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [message, setMessage] = useState<{ kind: "error" | "done"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (next.length < MIN_PASSWORD_LENGTH) return setMessage({ kind: "error", text: t("tooShort") });
    setBusy(true);
    setMessage(null);
    const { error } = await authClient.changePassword({ currentPassword: current, newPassword: next });
    setBusy(false);
    if (!error) {
      setCurrent("");
      setNext("");
      return setMessage({ kind: "done", text: t("changed") });
    }
    setMessage({ kind: "error", text: error.status === 429 ? t("tooMany") : error.status === 400 ? t("wrongCurrent") : t("failed") });
  }

  if (!hasPassword) {
    return (
      <section aria-labelledby="password-heading" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="password-heading" className="text-lg font-semibold">
          {t("changeTitle")}
        </h2>
        <p className="mt-2 max-w-3xl text-sm leading-relaxed text-slate-700" data-testid="no-password">
          {t("noPassword", { platforms: platforms.length > 0 ? format.list(platforms, { type: "disjunction" }) : t("yourLms") })}
        </p>
      </section>
    );
  }

  return (
    <section aria-labelledby="password-heading" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="password-heading" className="text-lg font-semibold">
        {t("changeTitle")}
      </h2>
      <form onSubmit={submit} className="mt-4 max-w-sm space-y-4" noValidate>
        <label className="block">
          <span className="text-sm font-medium text-slate-700">{t("currentPassword")}</span>
          <input type="password" name="current-password" autoComplete="current-password" required value={current} onChange={(event) => setCurrent(event.target.value)} className={fieldClass} />
        </label>
        <NewPasswordField value={next} onChange={setNext} helpId="new-password-help" />
        {message && (
          <p
            role={message.kind === "error" ? "alert" : "status"}
            data-testid="password-message"
            className={message.kind === "error" ? "rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700" : "rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800"}
          >
            {message.text}
          </p>
        )}
        <button
          type="submit"
          disabled={busy || !current || !next}
          className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60"
        >
          {busy ? t("changing") : t("change")}
        </button>
      </form>
    </section>
  );
}

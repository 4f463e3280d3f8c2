"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { authClient } from "../_components/auth-client";

const MIN_PASSWORD = 8;
const field =
  "mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100";

/** A learner account: name, email and password (better-auth); the page's language becomes the account's. */
export function SignUpForm({ next, locale }: { next: string; locale: string }) {
  const t = useTranslations("signUp");
  const router = useRouter();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shortPassword = password.length > 0 && password.length < MIN_PASSWORD;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (shortPassword) return;
    setBusy(true);
    setError(null);
    // The learner's days (daily limit, streak) start at their midnight: the browser knows where that is.
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const { error: failure } = await authClient.signUp.email({ name: name.trim(), email: email.trim(), password, locale, timeZone } as never);
    if (failure) {
      setBusy(false);
      const code = (failure as { code?: string }).code ?? "";
      setError(
        failure.status === 429
          ? t("tooMany")
          : /EXISTS/.test(code)
            ? t("exists")
            : /EMAIL/.test(code)
              ? t("badEmail")
              : t("failed"),
      );
      return;
    }
    router.push(next);
    router.refresh();
  }

  return (
    <div className="mx-auto max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("lead")}</p>
      <form onSubmit={submit} className="mt-6 space-y-4" noValidate>
        <label className="block">
          <span className="text-sm font-medium text-slate-700">{t("name")}</span>
          <input name="name" autoComplete="name" required maxLength={100} value={name} onChange={(event) => setName(event.target.value)} className={field} />
        </label>
        <label className="block">
          <span className="text-sm font-medium text-slate-700">{t("email")}</span>
          <input type="email" name="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} className={field} />
        </label>
        <label className="block">
          <span className="text-sm font-medium text-slate-700">{t("password")}</span>
          <input
            type="password"
            name="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD}
            maxLength={128}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-describedby="password-help"
            aria-invalid={shortPassword}
            className={field}
          />
          <span id="password-help" className={`mt-1 block text-xs ${shortPassword ? "text-red-700" : "text-slate-600"}`}>
            {t("passwordHelp", { min: MIN_PASSWORD })}
          </span>
        </label>
        {error && (
          <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
            {error}
          </p>
        )}
        <button
          type="submit"
          disabled={busy || !name.trim() || !email.trim() || password.length < MIN_PASSWORD}
          className="w-full rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60"
        >
          {busy ? t("submitting") : t("submit")}
        </button>
      </form>
      <p className="mt-4 text-sm text-slate-600">
        {t("haveAccount")}{" "}
        <Link href={`/sign-in?next=${encodeURIComponent(next)}`} className="font-semibold text-brand-700 hover:underline">
          {t("signIn")}
        </Link>
      </p>
    </div>
  );
}

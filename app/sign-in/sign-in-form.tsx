"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n/locales";
import { authClient } from "../_components/auth-client";
import { landingPathFor } from "./landing-path";

interface DemoAccounts {
  accounts: { email: string; role: string }[];
  password: string;
}

export function SignInForm({ next, title, demo }: { next: string | null; title: string; demo: DemoAccounts | null }) {
  const t = useTranslations("signIn");
  const tp = useTranslations("password");
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const { data, error: failure } = await authClient.signIn.email({ email: email.trim(), password });
    if (failure || !data) {
      setBusy(false);
      setError(failure?.status === 429 ? t("tooMany") : t("failed"));
      return;
    }
    // The account's language wins over this browser's, so problems and pages agree.
    const locale = (data.user as { locale?: unknown }).locale;
    if (isLocale(locale)) document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
    router.push(landingPathFor((data.user as { role?: unknown }).role, next));
    router.refresh();
  }

  return (
    <div className="mx-auto grid max-w-3xl gap-6 sm:grid-cols-2">
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-2xl font-semibold">{title}</h1>
        <form onSubmit={submit} className="mt-6 space-y-4" noValidate>
          <label className="block">
            <span className="text-sm font-medium text-slate-700">{t("email")}</span>
            <input
              type="email"
              name="email"
              autoComplete="email"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100"
            />
          </label>
          <label className="block">
            <span className="text-sm font-medium text-slate-700">{t("password")}</span>
            <input
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100"
            />
          </label>
          {error && (
            <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
              {error}
            </p>
          )}
          <button
            type="submit"
            disabled={busy || !email || !password}
            className="w-full rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60"
          >
            {busy ? t("submitting") : t("submit")}
          </button>
        </form>
        <p className="mt-4 text-sm">
          <Link href="/forgot-password" className="font-semibold text-brand-700 hover:underline">
            {tp("forgotLink")}
          </Link>
        </p>
        <p className="mt-4 text-sm text-slate-600">
          {t("noAccount")}{" "}
          <Link href={next ? `/sign-up?next=${encodeURIComponent(next)}` : "/sign-up"} className="font-semibold text-brand-700 hover:underline">
            {t("createAccount")}
          </Link>
        </p>
      </div>
      {demo && (
        <aside className="rounded-xl border border-brand-100 bg-brand-50 p-6" data-testid="demo-accounts">
          <h2 className="font-semibold text-brand-700">{t("demoTitle")}</h2>
          <p className="mt-2 text-sm text-slate-700">{t("demoBody", { password: demo.password })}</p>
          <ul className="mt-4 space-y-3 text-sm">
            {demo.accounts.map((account) => (
              <li key={account.email} className="flex flex-wrap items-center justify-between gap-3 rounded-lg bg-white p-3 shadow-sm">
                <div className="min-w-0">
                  <div className="font-medium">{account.role === "instructor" ? t("demoInstructor") : account.role === "admin" ? t("demoAdmin") : t("demoLearner")}</div>
                  <div className="font-mono text-slate-600">{account.email}</div>
                </div>
                <button
                  type="button"
                  className="shrink-0 rounded-md border border-brand-100 px-2 py-1 text-brand-700 hover:bg-brand-50"
                  onClick={() => {
                    setEmail(account.email);
                    setPassword(demo.password);
                  }}
                >
                  {t("useAccount")}
                </button>
              </li>
            ))}
          </ul>
        </aside>
      )}
    </div>
  );
}

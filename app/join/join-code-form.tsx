"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";

/** Where a learner types the code they were given; the course is looked up on its own page. */
export function JoinCodeForm() {
  const t = useTranslations("join");
  const router = useRouter();
  const [code, setCode] = useState("");
  // As the server stores codes: spaces and dashes dropped, upper case.
  const normalized = code.replace(/[\s-]/g, "").toUpperCase();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (normalized) router.push(`/join/${encodeURIComponent(normalized)}`);
  }

  return (
    <form onSubmit={onSubmit} className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="join-form">
      <label htmlFor="join-code" className="font-semibold">
        {t("code")}
      </label>
      <div className="mt-2 flex flex-wrap gap-2">
        <input
          id="join-code"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          aria-describedby="join-code-help"
          className="w-56 rounded-lg border border-slate-300 px-3 py-2 font-mono text-lg uppercase tracking-widest focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100"
        />
        <button type="submit" disabled={!normalized} className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60">
          {t("continue")}
        </button>
      </div>
      <p id="join-code-help" className="mt-2 text-sm text-slate-600">
        {t("codeHelp")}
      </p>
    </form>
  );
}

"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { answerText } from "../_components/answer-text";
import { Html } from "../_components/html";
import { ProblemFigure } from "../_components/problem-figure";

export interface WalkthroughView {
  title: string;
  lapses: number;
  promptHtml: string;
  options: { id: string; text: string; html: string }[] | null;
  stepsHtml: string[];
  figure: { svg: string; alt: string } | null;
  answer: { kind: string; value: unknown };
}

/**
 * A leech's guided walkthrough: a worked example of the skill, its solution revealed one step at
 * a time (each new step fades in, unless the learner prefers reduced motion), then the answer
 * and figure; reviews continue after it.
 */
export function Walkthrough({ walkthrough, busy, onDone }: { walkthrough: WalkthroughView; busy: boolean; onDone: () => void }) {
  const t = useTranslations("review.walkthrough");
  const locale = useLocale();
  const [shown, setShown] = useState(1);
  const lastStep = useRef<HTMLLIElement>(null);
  const total = walkthrough.stepsHtml.length;
  const finished = shown >= total;

  useEffect(() => {
    lastStep.current?.focus();
  }, [shown]);

  return (
    <div className="space-y-6" data-testid="walkthrough">
      <div>
        <p className="text-sm font-semibold uppercase tracking-wide text-amber-800">{t("kicker")}</p>
        <h1 className="mt-1 text-2xl font-semibold">{walkthrough.title}</h1>
        <p className="mt-2 text-slate-700">{t("lead", { lapses: walkthrough.lapses })}</p>
      </div>
      <article className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 className="text-sm font-semibold text-slate-600">{t("example")}</h2>
        <Html html={walkthrough.promptHtml} />
        {walkthrough.options && (
          <ul className="mt-2 space-y-1">
            {walkthrough.options.map((option) => (
              <li key={option.id} className="flex gap-2">
                <span className="font-semibold text-slate-600">{option.id}.</span>
                <Html compact html={option.html} />
              </li>
            ))}
          </ul>
        )}
      </article>
      <ol className="space-y-3" aria-label={t("stepsLabel")}>
        {walkthrough.stepsHtml.slice(0, shown).map((step, index) => (
          <li
            key={index}
            ref={index === shown - 1 ? lastStep : undefined}
            tabIndex={-1}
            className="motion-safe:animate-[fade-in_400ms_ease-out] rounded-xl border border-brand-100 bg-white p-5 shadow-sm focus:outline-none"
            data-testid="walkthrough-step"
          >
            <p className="text-xs font-semibold text-brand-700">{t("step", { n: index + 1, total })}</p>
            <Html html={step} />
          </li>
        ))}
      </ol>
      {finished && (
        <section className="rounded-xl border border-emerald-200 bg-emerald-50 p-5">
          <h2 className="font-semibold">{t("answer")}</h2>
          <p className="mt-1 whitespace-pre-line font-mono">{answerText(walkthrough.answer, locale, walkthrough.options)}</p>
          {walkthrough.figure && <ProblemFigure figure={walkthrough.figure} />}
        </section>
      )}
      <div className="flex justify-end gap-3">
        {!finished ? (
          <button type="button" onClick={() => setShown((n) => n + 1)} className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700" data-testid="walkthrough-next">
            {t("nextStep")}
          </button>
        ) : (
          <button type="button" onClick={onDone} disabled={busy} className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60" data-testid="walkthrough-done">
            {t("done")}
          </button>
        )}
      </div>
    </div>
  );
}

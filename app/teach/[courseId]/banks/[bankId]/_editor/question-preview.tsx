"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { answerText } from "@/app/_components/answer-text";
import { Loading } from "@/app/_components/loading";
import { Markdown } from "@/app/_components/markdown";
import { ProblemFigure } from "@/app/_components/problem-figure";
import { useTRPC } from "@/app/_components/trpc";
import { useServerMessage } from "@/app/_components/use-server-message";
import { inputClass, smallButton } from "./controls";

const LANGS = ["en", "zh-CN"] as const;
type Lang = (typeof LANGS)[number];

/**
 * The saved draft as a learner would see it, for any seed, in both languages side by side, with
 * what only the author sees: the variables behind it, the key, the solution, the misconceptions.
 */
export function QuestionPreview({ questionId, onVariables }: { questionId: string; onVariables?: (variables: Record<string, number | boolean> | null) => void }) {
  const t = useTranslations("questionEditor");
  const seedId = useId();
  const [seedText, setSeedText] = useState("1");
  const [seed, setSeed] = useState(1);
  useEffect(() => {
    // Debounced, so typing "123" asks for one preview, not three.
    const timer = setTimeout(() => {
      const parsed = Number(seedText);
      if (Number.isInteger(parsed) && parsed >= 0 && parsed <= 2 ** 31 - 1) setSeed(parsed);
    }, 400);
    return () => clearTimeout(timer);
  }, [seedText]);

  return (
    <section aria-labelledby="preview-heading" className="space-y-3" data-testid="preview">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="preview-heading" className="text-lg font-semibold">
          {t("preview")}
        </h2>
        <div className="flex items-end gap-2">
          <div>
            <label htmlFor={seedId} className="mb-1 block text-xs font-medium text-slate-700">
              {t("seed")}
            </label>
            <input id={seedId} type="number" min={0} className={`${inputClass} w-28`} value={seedText} onChange={(event) => setSeedText(event.target.value)} data-testid="preview-seed" />
          </div>
          <button type="button" className={smallButton} onClick={() => setSeedText(String(Math.floor(Math.random() * 100_000)))}>
            {t("anotherSeed")}
          </button>
        </div>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        {LANGS.map((lang) => (
          <PreviewColumn key={lang} questionId={questionId} seed={seed} lang={lang} onVariables={lang === "en" ? onVariables : undefined} />
        ))}
      </div>
    </section>
  );
}

function PreviewColumn({ questionId, seed, lang, onVariables }: { questionId: string; seed: number; lang: Lang; onVariables?: (variables: Record<string, number | boolean> | null) => void }) {
  const t = useTranslations("questionEditor");
  const refusal = useServerMessage();
  const trpc = useTRPC();
  const preview = useQuery({ ...trpc.questions.preview.queryOptions({ questionId, seed, lang }), retry: false, staleTime: 0, placeholderData: keepPreviousData });
  const variables = preview.data?.variables ?? null;
  useEffect(() => {
    if (preview.data) onVariables?.(variables);
  }, [preview.data, variables, onVariables]);

  const heading = lang === "en" ? t("previewEnglish") : t("previewChinese");
  return (
    <article className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" lang={lang} data-testid={`preview-${lang}`} data-seed={preview.data?.problem.seed} aria-label={heading} aria-busy={preview.isFetching}>
      <h3 className="mb-2 text-sm font-semibold text-slate-700">{heading}</h3>
      {preview.isError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid={`preview-error-${lang}`}>
          {refusal(preview.error)}
        </p>
      ) : !preview.data ? (
        <Loading label={t("previewLoading")} />
      ) : (
        <div className="space-y-3">
          {preview.data.untranslated ? <p className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900">{t("untranslated")}</p> : null}
          {variables ? (
            <dl className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" data-testid={`preview-variables-${lang}`}>
              {Object.entries(variables).map(([name, value]) => (
                <div key={name} className="flex gap-1" data-variable={name} data-value={String(value)}>
                  <dt className="font-mono">{name}</dt>
                  <dd className="font-mono">= {String(value)}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          <div data-testid="problem">
            <Markdown>{preview.data.problem.prompt}</Markdown>
            {preview.data.problem.options ? (
              <ol className="mt-2 space-y-1 text-sm">
                {preview.data.problem.options.map((option) => (
                  <li key={option.id} className="flex gap-2">
                    <span className="font-semibold">{option.id}.</span>
                    <Markdown compact>{option.text}</Markdown>
                  </li>
                ))}
              </ol>
            ) : null}
          </div>
          <div className="rounded-md bg-emerald-50 px-3 py-2 text-sm">
            <span className="mr-1 font-semibold">{t("keyLabel")}</span>
            <span className="whitespace-pre-wrap font-mono" data-testid={`preview-key-${lang}`}>
              {answerText(preview.data.problem.answer, lang, preview.data.problem.options)}
            </span>
          </div>
          <details open>
            <summary className="cursor-pointer text-sm font-semibold text-slate-700">{t("solution")}</summary>
            <Markdown className="mt-2">{preview.data.problem.solution}</Markdown>
            {preview.data.problem.figure ? <ProblemFigure figure={preview.data.problem.figure} /> : null}
          </details>
          {preview.data.misconceptions.length > 0 ? (
            <details>
              <summary className="cursor-pointer text-sm font-semibold text-slate-700">{t("misconceptions")}</summary>
              <ul className="mt-2 space-y-1 text-sm">
                {preview.data.misconceptions.map((misconception) => (
                  <li key={misconception.id}>
                    <span className="font-mono">{answerText(misconception.wrongAnswer, lang, preview.data.problem.options)}</span> → {misconception.feedback[lang]}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      )}
    </article>
  );
}

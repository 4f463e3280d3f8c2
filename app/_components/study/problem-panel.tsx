"use client";

import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, type KeyboardEvent, lazy, type RefObject, Suspense, useState } from "react";
import { Html } from "../html";
import { ProblemFigure } from "../problem-figure";
import { AnswerHint, AnswerInput, type ChoiceOptionView } from "./answer-input";

// The preview (and the answer parsers it loads) is fetched on the learner's first keystroke, not
// with the page.
const AnswerPreview = lazy(() => import("./answer-preview").then((module) => ({ default: module.AnswerPreview })));

export interface ProblemView {
  template: string;
  topic: string;
  difficulty: string;
  prompt: string;
  promptHtml: string;
  answerKind: string;
  options: ChoiceOptionView[] | null;
  /** A block's diagram, drawn before answering (it gives nothing of the key away). */
  promptFigure?: { svg: string; alt: string } | null;
}

type Localized = Record<string, string>;

/** A localized server message in the page's language. */
export function pick(text: Localized | null | undefined, locale: string): string {
  if (!text) return "";
  return text[locale] ?? text.en ?? "";
}

/**
 * The problem and the answer form: the prompt, the input for its answer kind with a live preview
 * of how the answer is read, and a format error (which costs nothing) under it. Enter submits;
 * in the matrix text area, where Enter starts a row, Ctrl+Enter (⌘+Enter) does.
 */
export function ProblemPanel({
  problem,
  answer,
  onAnswer,
  onSubmit,
  locked,
  pending,
  formatError,
  error,
  inputRef,
  badge,
  course,
}: {
  problem: ProblemView;
  answer: string;
  onAnswer: (answer: string) => void;
  onSubmit: () => void;
  locked: boolean;
  pending: boolean;
  formatError: Localized | null;
  error: string | null;
  inputRef: RefObject<HTMLInputElement | HTMLTextAreaElement | null>;
  badge: React.ReactNode;
  /** The title of the course a course question comes from; null or absent for the catalog's. */
  course?: string | null;
}) {
  const t = useTranslations("review");
  const locale = useLocale();
  // A format error is about the answer that was sent: once the learner edits it, the error no
  // longer describes what the field holds (typing the same text back shows it again).
  const [errorFor, setErrorFor] = useState<{ error: Localized | null; answer: string }>({ error: formatError, answer });
  if (errorFor.error !== formatError) setErrorFor({ error: formatError, answer });
  const shownFormatError = formatError && errorFor.answer === answer ? formatError : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!locked && answer.trim() && !pending) onSubmit();
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) submit(event);
  }

  return (
    <>
      <article className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="problem">
        <div className="mb-3 flex flex-wrap items-center gap-2 text-xs">
          {badge}
          <span className="rounded-full bg-slate-100 px-2.5 py-1 font-medium text-slate-600" data-testid="difficulty">
            {t(`difficulty.${problem.difficulty as "easy"}`)}
          </span>
          {course && (
            <span className="max-w-full truncate rounded-full bg-teal-50 px-2.5 py-1 font-medium text-teal-800" data-testid="course-label">
              {t("courseBadge", { name: course })}
            </span>
          )}
        </div>
        <Html html={problem.promptHtml} />
        {problem.promptFigure && <ProblemFigure figure={problem.promptFigure} />}
      </article>

      <form onSubmit={submit} onKeyDown={onKeyDown} className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-answer-kind={problem.answerKind}>
        <label htmlFor="answer" className="block text-sm font-medium text-slate-700" id="answer-label">
          {t("answerLabel")}
        </label>
        <div className="mt-2 flex flex-col gap-3 sm:flex-row sm:items-start">
          <div className="min-w-0 flex-1">
            <AnswerInput kind={problem.answerKind} options={problem.options} value={answer} onChange={onAnswer} locked={locked} inputRef={inputRef} />
          </div>
          {!locked && (
            <button
              type="submit"
              disabled={!answer.trim() || pending}
              className="shrink-0 rounded-lg bg-brand-600 px-5 py-2 font-semibold text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-not-allowed disabled:opacity-60"
            >
              {pending ? t("checking") : t("submit")}
            </button>
          )}
        </div>
        {!locked && answer.trim() !== "" && (
          <Suspense fallback={null}>
            <AnswerPreview kind={problem.answerKind} text={answer} options={problem.options} locale={locale} />
          </Suspense>
        )}
        <AnswerHint kind={problem.answerKind} />
        {shownFormatError && (
          <div role="alert" data-testid="format-error" className="mt-4 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
            <p className="font-semibold">{t("formatErrorTitle")}</p>
            <Html compact className="mt-1" html={pick(shownFormatError, locale)} />
            <p className="mt-1 text-amber-800">{t("formatErrorNote")}</p>
          </div>
        )}
        {error && (
          <p role="alert" className="mt-4 rounded-lg bg-red-50 px-4 py-3 text-sm text-red-700">
            {error}
          </p>
        )}
      </form>
    </>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { answerText } from "../_components/answer-text";
import { Markdown } from "../_components/markdown";
import { useTRPC } from "../_components/trpc";
import { AnswerHint, AnswerInput } from "./answer-input";

type Localized = Record<string, string>;

function pick(text: Localized | null | undefined, locale: string): string {
  if (!text) return "";
  return text[locale] ?? text.en ?? "";
}

/** The review queue, or with `skill` the practice of one skill (template id). */
export function ReviewSession({ skill }: { skill: string | null }) {
  const t = useTranslations("review");
  const tc = useTranslations("common");
  const locale = useLocale();
  const format = useFormatter();
  const trpc = useTRPC();
  const next = useMutation(trpc.review.next.mutationOptions());
  const submit = useMutation(trpc.review.submit.mutationOptions());
  const [answer, setAnswer] = useState("");
  const inputRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);
  const requested = useRef(false);

  const loadNext = (practice = false) => {
    submit.reset();
    setAnswer("");
    next.mutate(skill ? { practice: true, template: skill } : { practice });
  };

  useEffect(() => {
    // Strict mode mounts twice in development; one request is enough.
    if (requested.current) return;
    requested.current = true;
    next.mutate(skill ? { practice: true, template: skill } : { practice: false });
  }, [next, skill]);

  const issued = next.data?.status === "issued" ? next.data : null;
  const graded = submit.data?.status === "graded" ? submit.data : null;
  const formatError = submit.data?.status === "format-error" ? submit.data.formatError : null;

  useEffect(() => {
    if (issued && !graded) inputRef.current?.focus();
  }, [issued, graded]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!issued || !answer.trim() || submit.isPending) return;
    submit.mutate({ variantId: issued.variantId, answer });
  }

  const when = (date: Date) => format.relativeTime(date, new Date());

  if (next.isError) {
    return <ErrorBox message={next.error.message || tc("somethingWrong")} />;
  }
  if (!next.data) {
    return <p className="animate-pulse text-slate-500">{t("loading")}</p>;
  }
  if (next.data.status === "empty") {
    return <Notice title={t("emptyTitle")} body={t("emptyBody")} />;
  }
  if (next.data.status === "caught-up") {
    return (
      <Notice title={t("caughtUpTitle")} body={t("caughtUpBody", { when: when(next.data.nextDue) })}>
        <button type="button" onClick={() => loadNext(true)} className="mt-4 rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
          {t("practice")}
        </button>
      </Notice>
    );
  }

  const problem = issued!.problem;
  const verdict = graded ? (graded.correct ? "correct" : graded.score > 0 ? "partial" : "incorrect") : null;

  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <div className="flex items-center gap-3">
          {skill && (
            <Link href="/review" className="text-sm text-brand-700 hover:underline">
              {t("backToQueue")}
            </Link>
          )}
          <span className="rounded-full bg-brand-50 px-3 py-1 text-xs font-medium text-brand-700" data-testid="card-badge">
            {skill ? t("practising") : issued!.card?.reps === 0 ? t("newCard") : t("dueCard")}
          </span>
        </div>
      </div>

      <article className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="problem">
        <Markdown>{problem.prompt}</Markdown>
      </article>

      <form onSubmit={onSubmit} className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-answer-kind={problem.answerKind}>
        <label htmlFor="answer" className="block text-sm font-medium text-slate-700" id="answer-label">
          {t("answerLabel")}
        </label>
        <div className="mt-2 flex flex-col gap-3 sm:flex-row sm:items-start">
          <div className="min-w-0 flex-1">
            <AnswerInput
              kind={problem.answerKind}
              options={problem.options}
              value={answer}
              onChange={setAnswer}
              locked={Boolean(graded)}
              inputRef={inputRef}
            />
          </div>
          {!graded && (
            <button
              type="submit"
              disabled={!answer.trim() || submit.isPending}
              className="shrink-0 rounded-lg bg-brand-600 px-5 py-2 font-semibold text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60"
            >
              {submit.isPending ? t("checking") : t("submit")}
            </button>
          )}
        </div>
        <AnswerHint kind={problem.answerKind} />
        {formatError && (
          <div role="alert" data-testid="format-error" className="mt-4 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
            <p className="font-semibold">{t("formatErrorTitle")}</p>
            <Markdown compact className="mt-1">
              {pick(formatError, locale)}
            </Markdown>
            <p className="mt-1 text-amber-700">{t("formatErrorNote")}</p>
          </div>
        )}
        {submit.isError && <ErrorBox message={submit.error.message || tc("somethingWrong")} />}
      </form>

      {graded && verdict && (
        <section
          data-testid="result"
          data-verdict={verdict}
          className={`rounded-xl border p-6 shadow-sm ${verdict === "correct" ? "border-emerald-200 bg-emerald-50" : verdict === "partial" ? "border-amber-200 bg-amber-50" : "border-rose-200 bg-rose-50"}`}
        >
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="text-xl font-semibold">{t(verdict)}</h2>
            <span className="text-sm text-slate-600">{t("score", { score: graded.score })}</span>
          </div>
          {pick(graded.feedback, locale) && (
            <Markdown compact className="mt-2 text-slate-800">
              {pick(graded.feedback, locale)}
            </Markdown>
          )}
          <dl className="mt-4 grid gap-2 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-slate-500">{t("yourAnswer")}</dt>
              <dd className="whitespace-pre-line font-mono">{answer}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("expected")}</dt>
              <dd className="whitespace-pre-line font-mono" data-testid="expected">
                {graded.expected.kind === "choice" || graded.expected.kind === "choices" ? (
                  // Options may hold maths: typeset them as the options above are.
                  <Markdown compact className="font-sans">
                    {answerText(graded.expected, locale, problem.options).split("\n").join("\n\n")}
                  </Markdown>
                ) : (
                  answerText(graded.expected, locale, problem.options)
                )}
              </dd>
            </div>
          </dl>
          <div className="mt-4 rounded-lg bg-white/70 p-4">
            <h3 className="font-semibold">{t("solution")}</h3>
            <Markdown>{graded.solution}</Markdown>
          </div>
          <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-slate-600" data-testid="next-due">
              {t("nextDue", { when: when(graded.nextDue) })}
            </p>
            <button type="button" onClick={() => loadNext(false)} className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
              {t("next")}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}

function Notice({ title, body, children }: { title: string; body: string; children?: React.ReactNode }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm" data-testid="notice">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="mt-2 text-slate-600">{body}</p>
      {children}
    </div>
  );
}

function ErrorBox({ message }: { message: string }) {
  return (
    <p role="alert" className="mt-4 rounded-lg bg-red-50 px-4 py-3 text-sm text-red-700">
      {message}
    </p>
  );
}

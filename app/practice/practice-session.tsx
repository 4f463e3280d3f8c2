"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Suspense, useEffect, useRef, useState } from "react";
import { NextWaitingNotice, SubmitNotice } from "../_components/offline/submit-notice";
import { lazyWithPreload } from "../_components/lazy-with-preload";
import { preloadMathTypesetter } from "../_components/pending-math";
import { useAnswerSubmit } from "../_components/offline/use-answer-submit";
import { ProblemPanel } from "../_components/study/problem-panel";
import { useStudyKeys } from "../_components/study/use-study-keys";
import { Loading } from "../_components/loading";
import { useTRPC } from "../_components/trpc";
import { useServerMessage } from "../_components/use-server-message";

// Needed only after an answer is graded: fetched once the learner starts answering.
const ResultPanel = lazyWithPreload(() => import("../_components/study/result-panel").then((module) => module.ResultPanel));

type Difficulty = "easy" | "medium" | "hard";
const DIFFICULTIES: readonly Difficulty[] = ["easy", "medium", "hard"];

interface TopicChoice {
  id: string;
  title: string;
  skills: number;
}

interface CourseChoice {
  id: string;
  title: string;
  questions: number;
  banks: { id: string; title: string; questions: number }[];
}

/**
 * Practice: pick topics and a difficulty (or one of the learner's courses), then answer a stream
 * of fresh variants with the same feedback as reviews. Practice is kept in the history but never
 * moves the schedule. A link to one bank of a course (an LMS placement of its practice) opens on
 * that bank, which the learner can widen to the whole course.
 */
export function PracticeSession({
  topics,
  initialTopics,
  skill,
  courses = [],
  initialCourse = null,
  initialBank = null,
}: {
  topics: TopicChoice[];
  initialTopics: string[];
  skill: { template: string; title: string } | null;
  courses?: CourseChoice[];
  initialCourse?: string | null;
  initialBank?: string | null;
}) {
  const t = useTranslations("practice");
  const tr = useTranslations("review");
  const refusal = useServerMessage();
  const trpc = useTRPC();
  const next = useMutation(trpc.review.practice.mutationOptions());
  const { submit, send, notice } = useAnswerSubmit();
  const [chosen, setChosen] = useState<string[]>(initialTopics);
  const [difficulty, setDifficulty] = useState<Difficulty | "any">("any");
  // null: the catalog's skills by topic and difficulty; else a course's id.
  const [course, setCourse] = useState<string | null>(initialCourse);
  const chosenCourse = skill ? null : (courses.find((entry) => entry.id === course) ?? null);
  // null: the whole course; else one of its banks' id (kept only while that course is chosen).
  const [bank, setBank] = useState<string | null>(initialBank);
  const chosenBank = chosenCourse?.banks.find((entry) => entry.id === bank) ?? null;
  const [started, setStarted] = useState(Boolean(skill));
  const [answer, setAnswer] = useState("");
  // Once the learner starts answering, the result panel and the typesetter of the solution's
  // formulas are fetched (lazy-with-preload.tsx, pending-math.ts).
  useEffect(() => {
    if (!answer) return;
    ResultPanel.preload();
    preloadMathTypesetter();
  }, [answer]);
  const [answered, setAnswered] = useState({ count: 0, right: 0 });
  const inputRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);
  const requested = useRef(false);

  const issued = next.data?.status === "issued" ? next.data : null;
  const graded = submit.data?.status === "graded" ? submit.data : null;
  const formatError = submit.data?.status === "format-error" ? submit.data.formatErrorHtml : null;

  const filter = () =>
    chosenCourse
      ? { topics: [], course: chosenCourse.id, ...(chosenBank ? { bank: chosenBank.id } : {}) }
      : {
          topics: chosen,
          ...(difficulty === "any" ? {} : { difficulty }),
          ...(skill ? { template: skill.template } : {}),
        };

  const loadNext = () => {
    submit.reset();
    setAnswer("");
    next.mutate(filter());
  };

  useEffect(() => {
    // A link to one skill starts at once; strict mode mounts twice in development.
    if (!skill || requested.current) return;
    requested.current = true;
    next.mutate({ topics: [], template: skill.template });
  }, [next, skill]);

  useEffect(() => {
    if (issued && !graded) inputRef.current?.focus();
  }, [issued, graded]);

  const onSubmit = (variantId: string) =>
    send(
      { variantId, answer },
      {
        onSuccess: (data) => {
          if (data.status !== "graded") return;
          setAnswered((tally) => ({ count: tally.count + 1, right: tally.right + (data.correct ? 1 : 0) }));
        },
      },
    );

  useStudyKeys({ active: Boolean(graded), onNext: loadNext });

  const toggle = (id: string) => setChosen((list) => (list.includes(id) ? list.filter((entry) => entry !== id) : [...list, id]));

  const header = (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-semibold" data-testid="practice-title">
          {skill ? t("skillTitle", { skill: skill.title }) : chosenBank && chosenCourse ? t("bankTitle", { bank: chosenBank.title, course: chosenCourse.title }) : t("title")}
        </h1>
        <p className="mt-1 text-sm text-slate-600">{t("lead")}</p>
        <p className="mt-1 text-sm">
          <Link href="/practice/offline" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800" data-testid="offline-practice-link">
            {t("offlineLink")}
          </Link>
        </p>
      </div>
      {started && (
        <div className="flex items-center gap-3 text-sm">
          <span className="text-slate-700" data-testid="practice-tally">
            {t("tally", { right: answered.right, count: answered.count })}
          </span>
          <button
            type="button"
            onClick={() => {
              setStarted(false);
              submit.reset();
              next.reset();
            }}
            className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-50"
            data-testid="change-practice"
          >
            {skill ? t("chooseTopics") : chosenCourse ? t("changeCourse") : t("changeFilter")}
          </button>
        </div>
      )}
    </div>
  );

  if (!started || (!skill && !next.data && !next.isPending && !next.isError)) {
    return (
      <div className="space-y-6">
        {header}
        <form
          className="space-y-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
          onSubmit={(event) => {
            event.preventDefault();
            setStarted(true);
            loadNext();
          }}
        >
          {skill && (
            <p className="rounded-lg bg-brand-50 px-3 py-2 text-sm text-brand-700">
              {t("skillOnly", { skill: skill.title })}{" "}
              <Link href="/practice" className="font-semibold underline">
                {t("allTopics")}
              </Link>
            </p>
          )}
          {chosenBank && chosenCourse && (
            <p className="rounded-lg bg-brand-50 px-3 py-2 text-sm text-brand-700" data-testid="practice-bank">
              {t("bankOnly", { bank: chosenBank.title, course: chosenCourse.title, count: chosenBank.questions })}{" "}
              <button type="button" onClick={() => setBank(null)} className="font-semibold underline" data-testid="practice-whole-course">
                {t("wholeCourse")}
              </button>
            </p>
          )}
          {!skill && courses.length > 0 && (
            <fieldset data-testid="practice-source">
              <legend className="font-semibold">{t("sourceLegend")}</legend>
              <div className="mt-2 flex flex-wrap gap-2">
                {[null, ...courses].map((entry) => (
                  <label
                    key={entry?.id ?? "catalog"}
                    className={`cursor-pointer rounded-lg border px-3 py-1.5 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500 ${course === (entry?.id ?? null) ? "border-brand-500 bg-brand-50 font-semibold text-brand-700" : "border-slate-300 text-slate-700 hover:bg-slate-50"}`}
                  >
                    <input
                      type="radio"
                      name="practice-source"
                      value={entry?.id ?? "catalog"}
                      checked={course === (entry?.id ?? null)}
                      onChange={() => {
                        setCourse(entry?.id ?? null);
                        setBank(null);
                      }}
                      className="sr-only"
                      data-course={entry?.id ?? ""}
                    />
                    {entry ? t("sourceCourse", { title: entry.title, count: entry.questions }) : t("sourceCatalog")}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          {!skill && !chosenCourse && (
            <fieldset>
              <legend className="font-semibold">{t("topicsLegend")}</legend>
              <p className="text-sm text-slate-600">{t("topicsHelp")}</p>
              <div className="mt-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
                {topics.map((topic) => (
                  <label
                    key={topic.id}
                    className={`flex cursor-pointer items-center justify-between gap-2 rounded-lg border px-3 py-2 text-sm ${chosen.includes(topic.id) ? "border-brand-500 bg-brand-50" : "border-slate-200 hover:bg-slate-50"}`}
                  >
                    <span className="flex items-center gap-2">
                      <input type="checkbox" checked={chosen.includes(topic.id)} onChange={() => toggle(topic.id)} data-topic={topic.id} />
                      {topic.title}
                    </span>
                    <span className="text-xs text-slate-600">{t("skills", { count: topic.skills })}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          {!chosenCourse && (
            <fieldset>
              <legend className="font-semibold">{t("difficultyLegend")}</legend>
              <div className="mt-2 flex flex-wrap gap-2">
                {(["any", ...DIFFICULTIES] as const).map((value) => (
                  <label
                    key={value}
                    className={`cursor-pointer rounded-full border px-4 py-1.5 text-sm ${difficulty === value ? "border-brand-500 bg-brand-50 font-semibold text-brand-700" : "border-slate-300 text-slate-700 hover:bg-slate-50"}`}
                  >
                    <input type="radio" name="difficulty" value={value} checked={difficulty === value} onChange={() => setDifficulty(value)} className="sr-only" />
                    {value === "any" ? t("anyDifficulty") : tr(`difficulty.${value}`)}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          <div className="flex items-center justify-between gap-3">
            <p className="text-sm text-slate-600">
              {chosenBank ? t("bankNote") : chosenCourse ? t("courseNote") : chosen.length === 0 && !skill ? t("allTopicsNote") : t("chosenNote", { count: chosen.length })}
            </p>
            <button type="submit" className="rounded-lg bg-brand-600 px-5 py-2 font-semibold text-white hover:bg-brand-700" data-testid="start-practice">
              {t("start")}
            </button>
          </div>
        </form>
      </div>
    );
  }

  if (next.isError) {
    return (
      <div className="space-y-6">
        {header}
        <p role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-700">
          {refusal(next.error)}
        </p>
      </div>
    );
  }
  if (!issued) {
    return (
      <div className="space-y-6">
        {header}
        <NextWaitingNotice paused={next.isPaused} />
        <Loading label={tr("loading")} />
      </div>
    );
  }

  return (
    <div className="space-y-6">
      {header}
      <ProblemPanel
        problem={issued.problem}
        answer={answer}
        onAnswer={setAnswer}
        onSubmit={() => onSubmit(issued.variantId)}
        locked={Boolean(graded)}
        pending={submit.isPending}
        formatError={formatError}
        error={submit.isError && !notice ? refusal(submit.error) : null}
        inputRef={inputRef}
        course={issued.course}
        badge={
          <span className="rounded-full bg-violet-50 px-2.5 py-1 font-medium text-violet-800" data-testid="card-badge">
            {t("badge")}
          </span>
        }
      />
      <SubmitNotice notice={notice} />
      {graded && (
        <Suspense fallback={<Loading label={tr("checking")} />}>
          <ResultPanel graded={graded} answer={answer} options={issued.problem.options}>
            <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
              <p className="text-sm text-slate-700">{t("noSchedule")}</p>
              <button type="button" onClick={loadNext} className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700" data-testid="next">
                {tr("next")} <kbd className="ml-1 rounded border border-white/40 px-1.5 text-xs font-normal">{tr("spaceKey")}</kbd>
              </button>
            </div>
          </ResultPanel>
        </Suspense>
      )}
    </div>
  );
}

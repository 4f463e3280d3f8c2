import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { NotInstructor } from "../../../_components/not-instructor";
import { card } from "../../../_components/styles";
import { orNotFound, teachCaller } from "../../../_components/teach-caller";
import { assessmentTitle } from "../assessment-title";
import { OverrideForm } from "./override-form";
import { timeSpent } from "../time-spent";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("gradebook");
  return { title: t("title") };
}

/** One learner's attempt for the course's instructors: every answer as typed, the score, its overrides. */
export default async function GradebookAttemptPage({ params }: { params: Promise<{ courseId: string; attemptId: string }> }) {
  const { courseId, attemptId } = await params;
  const { caller, isInstructor } = await teachCaller(`/teach/${courseId}/gradebook/${attemptId}`);
  if (!isInstructor) return <NotInstructor />;
  const attempt = await orNotFound(caller.gradebook.attempt({ attemptId }));
  // The address names the course too: an attempt of another course is not found here.
  if (attempt.courseId !== courseId) notFound();
  const t = await getTranslations("gradebook");
  const format = await getFormatter();
  const locale = (await getLocale()) as "en" | "zh-CN";
  const when = (instant: Date | null) => (instant ? format.dateTime(instant, { dateStyle: "medium", timeStyle: "short" }) : "—");
  const number = (value: number) => format.number(value, { maximumFractionDigits: 2 });
  const possible = attempt.score?.possible ?? 0;

  return (
    <div className="space-y-6">
      <div>
        <Link href={`/teach/${courseId}/gradebook`} className="text-sm text-brand-700 hover:underline">
          <span aria-hidden="true">← </span>
          {t("attempt.back")}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{t("attempt.title", { learner: attempt.learner.name })}</h1>
        <p className="mt-1 text-slate-600">{attempt.learner.email}</p>
      </div>

      <section className={card} aria-labelledby="attempt-summary">
        <h2 id="attempt-summary" className="sr-only">
          {t("attempt.score")}
        </h2>
        <dl className="grid gap-4 sm:grid-cols-3">
          <div>
            <dt className="text-sm text-slate-600">{t("attempt.assessment")}</dt>
            <dd className="font-medium">{assessmentTitle(attempt.assessment, locale)}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("attempt.status")}</dt>
            <dd className="font-medium" data-testid="attempt-status">
              {t(`status.${attempt.status}`)}
              {attempt.finishedBy === "time" && <span className="text-sm font-normal text-slate-600"> · {t("byTime")}</span>}
              {attempt.late && <span className="ml-2 rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-800">{t("late")}</span>}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("attempt.score")}</dt>
            <dd className="font-medium tabular-nums" data-testid="attempt-score">
              {attempt.score && t("score", { awarded: attempt.score.awarded, possible: attempt.score.possible, percent: attempt.score.percent })}
            </dd>
            {attempt.score?.overridden && (
              <dd className="text-sm text-slate-600" data-testid="attempt-computed">
                {t("attempt.computed", { computed: attempt.score.computed })}
              </dd>
            )}
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("attempt.started")}</dt>
            <dd>{when(attempt.startedAt)}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("attempt.finished")}</dt>
            <dd>{when(attempt.finishedAt)}</dd>
          </div>
          {attempt.deadline && (
            <div>
              <dt className="text-sm text-slate-600">{t("attempt.deadline")}</dt>
              <dd>{when(attempt.deadline)}</dd>
            </div>
          )}
          <div>
            <dt className="text-sm text-slate-600">{t("attempt.timeSpent")}</dt>
            <dd>{attempt.secondsSpent === null ? "—" : timeSpent(t, attempt.secondsSpent)}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="questions-title" className="space-y-3">
        <h2 id="questions-title" className="text-lg font-semibold">
          {t("attempt.questions")}
        </h2>
        {attempt.questions.map((question) => (
          <article key={question.position} className={card} data-testid="attempt-question">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="font-semibold">{t("attempt.question", { position: question.position + 1, title: question.title[locale] })}</h3>
              <p className="text-sm tabular-nums text-slate-700">{t("attempt.questionPoints", { awarded: question.awarded, points: question.points })}</p>
            </div>
            {question.tries.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">{t("attempt.noTries")}</p>
            ) : (
              <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label={t("attempt.question", { position: question.position + 1, title: question.title[locale] })}>
                <table className="w-full min-w-[36rem] text-left text-sm">
                  <thead className="text-slate-600">
                    <tr>
                      <th scope="col" className="py-1 pr-3 font-medium">{t("attempt.try")}</th>
                      <th scope="col" className="py-1 pr-3 font-medium">{t("attempt.answer")}</th>
                      <th scope="col" className="py-1 pr-3 text-right font-medium">{t("attempt.result")}</th>
                      <th scope="col" className="py-1 pr-3 text-right font-medium">{t("attempt.credit")}</th>
                      <th scope="col" className="py-1 pr-3 text-right font-medium">{t("attempt.earned")}</th>
                      <th scope="col" className="py-1 pr-3 text-right font-medium">{t("attempt.regraded")}</th>
                      <th scope="col" className="py-1 font-medium">{t("attempt.answeredAt")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {question.tries.map((attemptTry) => (
                      <tr key={attemptTry.tryNumber} className="border-t border-slate-100" data-testid="attempt-try">
                        <td className="py-1 pr-3 tabular-nums">{attemptTry.tryNumber + 1}</td>
                        {/* Exactly as typed: spaces kept, nothing rendered as Markdown. */}
                        <td className="py-1 pr-3">
                          <code className="whitespace-pre-wrap rounded bg-slate-50 px-1">{attemptTry.answer}</code>
                        </td>
                        <td className="py-1 pr-3 text-right tabular-nums">
                          {number(attemptTry.score)} ({attemptTry.correct ? t("attempt.right") : t("attempt.wrong")})
                        </td>
                        <td className="py-1 pr-3 text-right tabular-nums">{format.number(attemptTry.credit, { style: "percent" })}</td>
                        <td className="py-1 pr-3 text-right tabular-nums">{number(attemptTry.earned)}</td>
                        <td className="py-1 pr-3 text-right tabular-nums">{attemptTry.regradedScore === null ? t("attempt.notRegraded") : number(attemptTry.regradedScore)}</td>
                        <td className="py-1">{when(attemptTry.answeredAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </article>
        ))}
      </section>

      <section aria-labelledby="override-title" className={card}>
        <h2 id="override-title" className="mb-2 text-lg font-semibold">
          {t("attempt.override.title")}
        </h2>
        <OverrideForm attemptId={attempt.attemptId!} possible={possible} />
        <h3 className="mt-6 font-semibold">{t("attempt.override.history")}</h3>
        {attempt.overrides.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("attempt.override.empty")}</p>
        ) : (
          <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label={t("attempt.override.history")}>
            <table className="w-full min-w-[32rem] text-left text-sm" data-testid="override-history">
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="py-1 pr-3 font-medium">{t("attempt.override.when")}</th>
                  <th scope="col" className="py-1 pr-3 font-medium">{t("attempt.override.by")}</th>
                  <th scope="col" className="py-1 pr-3 font-medium">{t("attempt.override.change")}</th>
                  <th scope="col" className="py-1 font-medium">{t("attempt.override.reasonColumn")}</th>
                </tr>
              </thead>
              <tbody>
                {attempt.overrides.map((row) => (
                  <tr key={row.id} className="border-t border-slate-100 align-top" data-testid="override-row">
                    <td className="py-1 pr-3">{when(row.createdAt)}</td>
                    <td className="py-1 pr-3">{row.by ? row.by.name : t("attempt.override.unknownUser")}</td>
                    <td className="py-1 pr-3 tabular-nums">{t("attempt.override.changeValue", { previous: row.previous, score: row.score })}</td>
                    <td className="py-1 whitespace-pre-wrap">{row.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

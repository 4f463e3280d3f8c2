"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { forgetAnswers, queuedAnswers } from "../practice/offline/offline-queue";
import { fieldClass } from "../_components/account/field-styles";
import { Loading } from "../_components/loading";
import { useTRPC } from "../_components/trpc";
import { useServerMessage } from "../_components/use-server-message";

/** Where a deleted account lands: the home page, which says the account is gone. */
export const DELETED_LANDING = "/?account=deleted";

type Problem = "wrongPassword" | "wrongConfirmation" | "alreadyDeleted" | "refused" | "tooMany" | "notFresh" | "failed";

/** What went wrong, from the API's error (a field at fault, or the refusal's code). */
function problemOf(error: unknown): Problem {
  if (!(error instanceof TRPCClientError)) return "failed";
  const data = error.data as { code?: string; reason?: string; fieldErrors?: Record<string, string> | null } | undefined;
  if (data?.fieldErrors?.password) return "wrongPassword";
  if (data?.reason === "account.sessionNotFresh") return "notFresh";
  if (data?.fieldErrors?.confirmation) return "wrongConfirmation";
  if (data?.code === "NOT_FOUND" || data?.code === "UNAUTHORIZED") return "alreadyDeleted";
  if (data?.code === "CONFLICT") return "refused";
  if (data?.code === "TOO_MANY_REQUESTS") return "tooMany";
  return "failed";
}

/**
 * The danger zone: what deleting the account would delete (account.deletionPlan), the courses
 * that keep it from being deleted yet with what to do about each, and the form that deletes it
 * with the e-mail typed out and the current password, or, for an account an LMS made (no
 * password), a sign-in from the LMS in the last few minutes (lib/server/account/fresh-session.ts;
 * a stale one is refused with a sentence saying what to do). On success the server has signed this
 * browser out; the offline practice waiting on this device for this account is dropped too, and
 * the home page confirms the deletion.
 */
export function DeleteAccountSection({
  userId,
  email,
  hasPassword,
  platforms,
  freshMinutes,
}: {
  userId: string;
  email: string;
  hasPassword: boolean;
  platforms: string[];
  /** How recent a sign-in must be to delete an account without a password. */
  freshMinutes: number;
}) {
  const t = useTranslations("account");
  const format = useFormatter();
  const serverMessage = useServerMessage();
  const [notFresh, setNotFresh] = useState<string | null>(null);
  const trpc = useTRPC();
  const router = useRouter();
  const plan = useQuery(trpc.account.deletionPlan.queryOptions());
  const remove = useMutation(trpc.account.delete.mutationOptions());
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    setNotFresh(null);
    if (confirmation.trim().toLowerCase() !== email.toLowerCase()) return setProblem("wrongConfirmation");
    try {
      await remove.mutateAsync({ password: hasPassword ? password : undefined, confirmation });
    } catch (error) {
      const found = problemOf(error);
      setProblem(found);
      if (found === "notFresh") setNotFresh(serverMessage(error));
      if (found === "refused") await plan.refetch();
      return;
    }
    try {
      const mine = (await queuedAnswers()).filter((answer) => answer.owner === userId);
      await forgetAnswers(mine.map((answer) => answer.id));
    } catch {
      // No IndexedDB here (a private window): nothing was queued.
    }
    // The response expired the session cookies: the header, re-rendered, shows "Sign in".
    router.push(DELETED_LANDING);
    router.refresh();
  }

  const blocked = plan.data?.blocked ?? [];
  const fieldError = "mt-1 text-sm text-red-700";
  return (
    <section aria-labelledby="delete-heading" className="rounded-xl border-2 border-red-200 bg-white p-6 shadow-sm" data-testid="delete-account">
      <h2 id="delete-heading" className="text-lg font-semibold text-red-800">
        {t("deleteTitle")}
      </h2>
      <p className="mt-2 max-w-3xl text-sm leading-relaxed text-slate-700">{t("deleteLead")}</p>
      <p className="mt-2 text-sm text-slate-700">
        {t.rich("downloadFirst", {
          link: (chunks) => (
            <a href="#your-data" className="font-medium text-brand-700 underline">
              {chunks}
            </a>
          ),
        })}
      </p>

      {plan.isError && (
        <p role="alert" className="mt-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {t("failed")}
        </p>
      )}
      {!plan.data && !plan.isError && <Loading label={t("loading")} />}
      {plan.data && (
        <>
          <h3 className="mt-4 font-semibold">{t("whatGoes")}</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-700" data-testid="deletion-plan">
            <li>{t("goesProfile")}</li>
            <li>{t("goesReviews", plan.data.counts)}</li>
            {plan.data.counts.cards > 0 && <li>{t("goesCards", { cards: plan.data.counts.cards })}</li>}
            {plan.data.counts.memberships > 0 && <li>{t("goesMemberships", { memberships: plan.data.counts.memberships })}</li>}
            {plan.data.deletedCourses.length > 0 && (
              <li>{t("goesCourses", { count: plan.data.deletedCourses.length, titles: plan.data.deletedCourses.map((course) => course.title).join(", ") })}</li>
            )}
          </ul>
          <p className="mt-2 text-sm text-slate-600">{t("kept")}</p>
        </>
      )}

      {blocked.length > 0 ? (
        <div role="alert" className="mt-4 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="deletion-blocked">
          <p className="font-semibold">{t("blockedTitle")}</p>
          <p className="mt-1">{t("blockedLead")}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {blocked.map((hold) => (
              <li key={hold.courseId}>
                {hold.reason === "coOwners"
                  ? t("blockedCoOwners", { title: hold.title })
                  : hold.reason === "learners"
                    ? t("blockedLearners", { title: hold.title, people: hold.people })
                    : t("blockedHistory", { title: hold.title, people: hold.people })}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        plan.data && (
          <>
            {!hasPassword && (
              <p className="mt-4 max-w-3xl text-sm leading-relaxed text-slate-700" data-testid="delete-fresh-lead">
                {t("freshLead", { platforms: platforms.length > 0 ? format.list(platforms, { type: "disjunction" }) : t("yourLms"), minutes: freshMinutes })}
              </p>
            )}
            <form onSubmit={onSubmit} noValidate className="mt-4 max-w-sm space-y-4">
              {hasPassword && (
                <label className="block">
                  <span className="text-sm font-medium text-slate-700">{t("password")}</span>
                  <input
                    type="password"
                    name="delete-password"
                    autoComplete="current-password"
                    required
                    value={password}
                    onChange={(event) => setPassword(event.target.value)}
                    aria-invalid={problem === "wrongPassword"}
                    aria-describedby={problem === "wrongPassword" ? "delete-password-error" : undefined}
                    className={fieldClass}
                  />
                  {problem === "wrongPassword" && (
                    <span id="delete-password-error" role="alert" data-testid="delete-message" className={`block ${fieldError}`}>
                      {t("wrongPassword")}
                    </span>
                  )}
                </label>
              )}
              <label className="block">
                <span className="text-sm font-medium text-slate-700">{t("confirm", { email })}</span>
                <input
                  type="text"
                  name="delete-confirmation"
                  autoComplete="off"
                  spellCheck={false}
                  required
                  value={confirmation}
                  onChange={(event) => setConfirmation(event.target.value)}
                  aria-invalid={problem === "wrongConfirmation"}
                  aria-describedby={problem === "wrongConfirmation" ? "delete-confirmation-error" : undefined}
                  className={fieldClass}
                />
                {problem === "wrongConfirmation" && (
                  <span id="delete-confirmation-error" role="alert" data-testid="delete-message" className={`block ${fieldError}`}>
                    {t("wrongConfirmation")}
                  </span>
                )}
              </label>
              {problem && problem !== "wrongPassword" && problem !== "wrongConfirmation" && (
                <p role="alert" data-testid="delete-message" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
                  {problem === "notFresh" ? notFresh : t(problem)}
                </p>
              )}
              <button
                type="submit"
                disabled={remove.isPending || (hasPassword && !password) || !confirmation}
                className="rounded-lg bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 disabled:cursor-not-allowed disabled:opacity-60"
              >
                {remove.isPending ? t("deleting") : t("submit")}
              </button>
            </form>
          </>
        )
      )}
    </section>
  );
}

import type { PrismaClient } from "@/lib/db";
import { dayKeyOf, dayNumberIn, timeZoneOrDefault } from "@/lib/srs/days";
import { AppError } from "../errors";
import { bankForExchange } from "../questions/bank-bundle";
import { bundleText } from "../questions/question-content";
import { questionIdOf } from "../questions/template-id";
import { effectiveReview } from "../reviews/effective-review";
import { shareableSeed } from "../reviews/shareable-seed";
import { skillCatalog } from "../reviews/skill-catalog";

/** What the file says it is, so that a later Stride (or a person) can tell it from other JSON. */
export const ACCOUNT_EXPORT_FORMAT = "stride-account-export";
export const ACCOUNT_EXPORT_VERSION = 1;

/**
 * Everything a person owns in Stride or did in it, as one JSON document ("download my data" in
 * Settings):
 * - `profile` and `settings`: name, e-mail, role, language, time zone, scheduler settings and
 *   the optimizer's fit; `sessions`: the devices signed in (never their tokens);
 * - `cards` (one per skill, with its FSRS state) and `reviews`: every graded answer exactly as
 *   typed, with its grade, ratings, the learner's later changes (`amendments`), and whether it
 *   was practice or offline practice synced later; `keyMismatchReports` the browser sent (about
 *   a review, or an assessment try: `attemptTryId`);
 * - `courseMemberships`, and for each course the person owns, its settings, its banks, each
 *   as the bank bundle that /teach imports (`banks[].bundle`: save it as a file and import it),
 *   and the LMS courses it is linked to (`lmsCourses`: platform, the LMS's course id and title);
 * - `ltiIdentities`: who the person is to each LMS that launched them into Stride (the platform's
 *   issuer and name, the id_token's `sub`, first and last launch).
 * Left out: problems issued but not answered (their seed would give the key away), password
 * hashes and session tokens, an LMS's keys, tokens and service addresses, and other people: no
 * member lists, other learners' answers or statistics.
 */
export async function accountExport({ db, userId, now }: { db: PrismaClient; userId: string; now: Date }) {
  const user = await db.user.findUnique({ where: { id: userId } });
  // Deleted while a signed copy of the session still named it (a minute at most).
  if (!user) throw new AppError("NOT_FOUND", "This account has been deleted.", { reason: "account.deleted" });
  const [sessions, cards, reviews, mismatches, memberships, ltiIdentities] = await Promise.all([
    db.session.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { createdAt: true, updatedAt: true, expiresAt: true, ipAddress: true, userAgent: true } }),
    db.card.findMany({ where: { userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.review.findMany({
      where: { userId },
      orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
      include: {
        amendments: { orderBy: { createdAt: "asc" }, select: { kind: true, rating: true, createdAt: true } },
        questionVersion: { select: { questionId: true, version: true } },
      },
    }),
    db.keyMismatch.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
    db.courseMember.findMany({
      where: { userId },
      orderBy: { joinedAt: "asc" },
      include: {
        course: {
          include: {
            banks: { orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, title: true, position: true } },
            ltiContexts: { orderBy: { createdAt: "asc" }, select: { contextId: true, title: true, createdAt: true, platform: { select: { issuer: true, name: true } } } },
          },
        },
      },
    }),
    // An allow-list: the platform's keys, client id and endpoints stay out.
    db.ltiUser.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { sub: true, createdAt: true, updatedAt: true, platform: { select: { issuer: true, name: true } } },
    }),
  ]);
  const catalog = await skillCatalog(db, [...cards.map((card) => card.templateId), ...reviews.map((review) => review.templateId)]);
  const topicOf = (templateId: string) => catalog.get(templateId)?.topic ?? null;
  const owned = memberships.filter((membership) => membership.role === "owner");
  const courses = [];
  for (const { course } of owned) {
    const banks = [];
    for (const bank of course.banks) {
      banks.push({ title: bank.title, position: bank.position, bundle: JSON.parse(bundleText(await bankForExchange({ db, bankId: bank.id }))) as unknown });
    }
    courses.push({
      id: course.id,
      title: course.title,
      lang: course.lang,
      timeZone: course.timeZone,
      desiredRetention: course.desiredRetention,
      joinCode: course.joinCode,
      createdAt: course.createdAt,
      archivedAt: course.archivedAt,
      banks,
      lmsCourses: course.ltiContexts.map((context) => ({
        platform: { issuer: context.platform.issuer, name: context.platform.name },
        contextId: context.contextId,
        title: context.title,
        firstLaunchAt: context.createdAt,
      })),
    });
  }

  return {
    format: ACCOUNT_EXPORT_FORMAT,
    version: ACCOUNT_EXPORT_VERSION,
    exportedAt: now,
    profile: { id: user.id, name: user.name, email: user.email, emailVerified: user.emailVerified, role: user.role, createdAt: user.createdAt, updatedAt: user.updatedAt },
    settings: {
      locale: user.locale,
      timeZone: user.timeZone,
      desiredRetention: user.desiredRetention,
      dailyNewLimit: user.dailyNewLimit,
      fsrsParameters: user.fsrsParameters,
      fsrsOptimizedAt: user.fsrsOptimizedAt,
      fsrsLogLossBefore: user.fsrsLogLossBefore,
      fsrsLogLossAfter: user.fsrsLogLossAfter,
    },
    sessions,
    cards: cards.map((card) => ({
      id: card.id,
      template: card.templateId,
      topic: topicOf(card.templateId),
      due: card.due,
      state: card.state,
      stability: card.stability,
      difficulty: card.difficulty,
      elapsedDays: card.elapsedDays,
      scheduledDays: card.scheduledDays,
      learningSteps: card.learningSteps,
      reps: card.reps,
      lapses: card.lapses,
      lastReview: card.lastReview,
      walkthroughAtLapses: card.walkthroughAtLapses,
      createdAt: card.createdAt,
    })),
    reviews: reviews.map((review) => {
      const { rating, undone } = effectiveReview(review);
      return {
        id: review.id,
        reviewedAt: review.reviewedAt,
        mode: review.mode,
        offline: review.offline,
        template: review.templateId,
        topic: topicOf(review.templateId),
        question: questionIdOf(review.templateId) && review.questionVersion ? { id: review.questionVersion.questionId, version: review.questionVersion.version } : null,
        cardId: review.cardId,
        seed: shareableSeed(review),
        lang: review.lang,
        answer: review.answer,
        score: review.score,
        correct: review.correct,
        mistake: review.mistake,
        elapsedMs: review.elapsedMs,
        suggestedRating: review.suggestedRating,
        ratingAtGrading: review.rating,
        rating,
        undone,
        amendments: review.amendments,
        stateBefore: review.stateBefore,
        stateAfter: review.stateAfter,
      };
    }),
    keyMismatchReports: mismatches.map((report) => ({
      reviewId: report.reviewId,
      attemptTryId: report.attemptTryId,
      template: report.templateId,
      seed: report.seed,
      backend: report.backend,
      serverKey: report.serverKey,
      browserKey: report.browserKey,
      createdAt: report.createdAt,
    })),
    ltiIdentities: ltiIdentities.map((identity) => ({
      platform: { issuer: identity.platform.issuer, name: identity.platform.name },
      sub: identity.sub,
      firstSeenAt: identity.createdAt,
      lastSeenAt: identity.updatedAt,
    })),
    courseMemberships: memberships.map((membership) => ({ courseId: membership.courseId, title: membership.course.title, role: membership.role, joinedAt: membership.joinedAt })),
    courses,
  };
}

export type AccountExport = Awaited<ReturnType<typeof accountExport>>;

/** The export as a file: `stride-account-<YYYY-MM-DD>.json`, dated by the person's own day (their time zone). */
export async function exportAccount({ db, userId, now }: { db: PrismaClient; userId: string; now: Date }) {
  const data = await accountExport({ db, userId, now });
  const day = dayKeyOf(dayNumberIn(now, timeZoneOrDefault(data.settings.timeZone)));
  return {
    filename: `stride-account-${day}.json`,
    contentType: "application/json; charset=utf-8",
    body: `${JSON.stringify(data, null, 2)}\n`,
  };
}

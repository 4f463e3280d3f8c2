import type { Card, PrismaClient, Variant } from "@/lib/db";
import { directQuery, type DirectStatement } from "@/lib/db/direct-query";
import { listTemplates } from "@/lib/problems";
import { timeZoneOrDefault } from "@/lib/srs/days";
import { questionTemplateId } from "../questions/template-id";

/** What the review queue decides from, read in one query (`readLearnerSnapshot`). */
export interface LearnerSnapshot {
  /** The skills the queue draws from, in the order new ones are started. */
  templateIds: string[];
  /** For each course question in the queue, the published version a new variant is built from. */
  versionOf: ReadonlyMap<string, string>;
  /** For each course question in the queue, its course's title: the label shown beside it. */
  courseTitleOf: ReadonlyMap<string, string>;
  /** The learner's open review variant, if any (at most one: a partial unique index). */
  open: Variant | null;
  /** Every card of the learner (one a skill: a few dozen). */
  cards: Card[];
  dailyNewLimit: number;
  /** The zone the learner's days are counted in (UTC until they have one). */
  timeZone: string;
  /**
   * When the learner's graded reviews of the last two days were made (undone ones left out): a
   * superset of today's in any zone, which only the zone's rules can cut to today (lib/srs/days).
   */
  recentReviewTimes: Date[];
  /**
   * For each card due now, the variant it was last served as (answered or withdrawn): a new
   * review variant of the card must not be the same problem (issue-variant.ts).
   */
  previousOf: ReadonlyMap<string, PreviousVariant>;
}

/** The variant a card was last served as: enough to build its problem again. */
export interface PreviousVariant {
  seed: number;
  lang: string;
  questionVersionId: string | null;
}

// No local day is longer than 25 hours (a DST change), so today began less than this ago.
const RECENT_MS = 48 * 60 * 60 * 1000;

type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

// json_agg writes a timestamp(3) column as ISO 8601 without a zone; Stride stores UTC.
const utc = (value: string) => new Date(`${value}Z`);
const utcOrNull = (value: string | null) => (value === null ? null : utc(value));

function cardOf(json: Json<Card>): Card {
  return { ...json, due: utc(json.due), lastReview: utcOrNull(json.lastReview), createdAt: utc(json.createdAt) };
}

function variantOf(json: Json<Variant>): Variant {
  return { ...json, issuedAt: utc(json.issuedAt), answeredAt: utcOrNull(json.answeredAt), withdrawnAt: utcOrNull(json.withdrawnAt) };
}

/** One row: the learner and everything the queue decides from, aggregated as JSON. */
type SnapshotRow = {
  dailyNewLimit: number;
  timeZone: string | null;
  open: Json<Variant> | null;
  cards: Json<Card>[];
  questions: { questionId: string; versionId: string; courseTitle: string }[];
  recentReviews: string[];
  previous: ({ cardId: string } & PreviousVariant)[];
};

// $1 the learner, $2 the start of the recent reviews, $3 now.
const SNAPSHOT: DirectStatement = {
  name: "stride_learner_snapshot",
  text: `
    SELECT
      u."dailyNewLimit",
      u."timeZone",
      (SELECT row_to_json(v) FROM "variants" v
        WHERE v."userId" = $1 AND v."mode" = 'review' AND v."answeredAt" IS NULL AND v."withdrawnAt" IS NULL LIMIT 1) AS "open",
      (SELECT COALESCE(json_agg(c), '[]'::json) FROM "cards" c WHERE c."userId" = $1) AS "cards",
      (SELECT COALESCE(json_agg(json_build_object('questionId', q."id", 'versionId', qv."id", 'courseTitle', c."title")
          ORDER BY c."createdAt", b."position", q."position", q."createdAt", q."id"), '[]'::json)
        FROM "course_members" m
        JOIN "courses" c ON c."id" = m."courseId" AND c."archivedAt" IS NULL
        JOIN "banks" b ON b."courseId" = c."id"
        JOIN "questions" q ON q."bankId" = b."id" AND q."archivedAt" IS NULL AND q."publishedVersion" IS NOT NULL
        JOIN "question_versions" qv ON qv."questionId" = q."id" AND qv."version" = q."publishedVersion" AND qv."publishedAt" IS NOT NULL
        WHERE m."userId" = $1 AND m."role" = 'learner') AS "questions",
      (SELECT COALESCE(json_agg(r."reviewedAt"), '[]'::json) FROM "reviews" r
        WHERE r."userId" = $1 AND r."mode" = 'review' AND r."reviewedAt" > $2::timestamp(3)
          AND NOT EXISTS (SELECT 1 FROM "review_amendments" a WHERE a."reviewId" = r."id" AND a."kind" = 'undo')) AS "recentReviews",
      (SELECT COALESCE(json_agg(json_build_object('cardId', c."id", 'seed', p."seed", 'lang', p."lang", 'questionVersionId', p."questionVersionId")), '[]'::json)
        FROM "cards" c
        CROSS JOIN LATERAL (SELECT v."seed", v."lang", v."questionVersionId" FROM "variants" v
          WHERE v."cardId" = c."id" AND v."mode" = 'review' ORDER BY v."issuedAt" DESC LIMIT 1) p
        WHERE c."userId" = $1 AND c."due" <= $3::timestamp(3)) AS "previous"
    FROM "users" u WHERE u."id" = $1`,
};

/**
 * A learner's queue, open variant, cards, daily limit, time zone, recent reviews and the due
 * cards' previous variants in one round
 * trip: every review.next needs them all, and under a class's load the number of queries a request makes is most of its
 * cost (issue 11's profile).
 *
 * The queue is the published questions of the courses they joined (what they joined for), then
 * the built-in bank in the catalog's order. The course questions are those of
 * lib/server/questions/published-questions-for.ts (published, not archived, in an unarchived
 * course the learner is a learner of; course, bank and question order).
 */
export async function readLearnerSnapshot(db: PrismaClient, userId: string, now: Date): Promise<LearnerSnapshot> {
  const rows = await directQuery<SnapshotRow>(db, SNAPSHOT, [userId, new Date(now.getTime() - RECENT_MS), now]);
  const row = rows[0];
  if (!row) throw new Error(`no user ${userId}`);
  const courseTemplates = row.questions.map((question) => questionTemplateId(question.questionId));
  return {
    templateIds: [...new Set([...courseTemplates, ...listTemplates().map((entry) => entry.template)])],
    versionOf: new Map(row.questions.map((question) => [questionTemplateId(question.questionId), question.versionId])),
    courseTitleOf: new Map(row.questions.map((question) => [questionTemplateId(question.questionId), question.courseTitle])),
    open: row.open ? variantOf(row.open) : null,
    cards: row.cards.map(cardOf),
    dailyNewLimit: row.dailyNewLimit,
    timeZone: timeZoneOrDefault(row.timeZone),
    recentReviewTimes: row.recentReviews.map(utc),
    previousOf: new Map(row.previous.map(({ cardId, ...previous }) => [cardId, previous])),
  };
}

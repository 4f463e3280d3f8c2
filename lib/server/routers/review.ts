import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { MAX_SEED } from "@/lib/problems";
import { finishWalkthrough } from "../reviews/finish-walkthrough";
import { issuePractice } from "../reviews/issue-practice";
import { issueVariant } from "../reviews/issue-variant";
import { practiceCourses } from "../reviews/practice-courses";
import { rateReview } from "../reviews/rate-review";
import { browserKeySchema, reportKeyMismatch } from "../reviews/report-key-mismatch";
import { submitAnswer } from "../reviews/submit-answer";
import { syncOfflinePractice } from "../reviews/sync-offline-practice";
import { undoReview } from "../reviews/undo-review";
import { createRouter, learnerProcedure } from "../trpc";

/** Longer than any answer a problem asks for, short enough that nobody stores a novel. */
export const MAX_ANSWER_LENGTH = 1000;

const id = (what: string) => z.string().uuid(`must be the id of ${what}`);

export const practiceInput = z
  .object({
    topics: z.array(z.string().min(1).max(100)).max(50).default([]),
    difficulty: z.enum(["easy", "medium", "hard"]).optional(),
    /** One skill (template id) to practise. */
    template: z.string().min(1).max(200).optional(),
    /** One course's published questions (its id) instead of the catalog's skills. */
    course: id("a course you joined").optional(),
    /** Only one bank of that course (its id): an LMS placement of the bank's practice. */
    bank: id("a bank of the course").optional(),
  })
  .refine((input) => input.bank === undefined || input.course !== undefined, { message: "a bank is practised with its course; give the course too", path: ["bank"] })
  .default({ topics: [] });

export const submitInput = z.object({
  variantId: id("a problem issued to you"),
  answer: z
    .string()
    .max(MAX_ANSWER_LENGTH, `an answer is at most ${MAX_ANSWER_LENGTH} characters`)
    .refine((answer) => answer.trim().length > 0, "type an answer before submitting"),
  /** Chosen by the browser once per answer and sent again on each retry (see submitAnswer). */
  submissionId: z.string().uuid("must be a UUID the browser chose for this answer").optional(),
});

/** At most this many offline answers a call: the browser sends a longer queue in turns. */
export const MAX_OFFLINE_ITEMS = 50;

export const offlinePracticeInput = z.object({
  items: z
    .array(
      z.object({
        id: id("an offline practice problem (a UUID the browser chose)"),
        template: z.string().min(1).max(200),
        seed: z.number().int().min(0).max(MAX_SEED),
        lang: z.enum(LOCALES),
        answer: submitInput.shape.answer,
        // A Date through the API's transformer, or an ISO string from a client without it.
        answeredAt: z.coerce.date(),
        elapsedMs: z.number().int().min(0).max(7 * 24 * 60 * 60 * 1000),
      }),
    )
    .min(1)
    .max(MAX_OFFLINE_ITEMS, `at most ${MAX_OFFLINE_ITEMS} answers a call`),
});

export const rateInput = z.object({
  reviewId: id("one of your reviews"),
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { message: "must be 1 (again), 2 (hard), 3 (good) or 4 (easy)" }),
});

// A browser key is at most a small matrix: the engine's caps keep problem outputs tiny.

export const reviewRouter = createRouter({
  /**
   * The next problem of the review queue (or a leech's walkthrough, or "caught up"). Its formulas
   * come as TeX for the page to typeset (math-in-browser.ts), as do the graded answer's below.
   */
  next: learnerProcedure.mutation(({ ctx }) => issueVariant({ db: ctx.db, userId: ctx.user.id, lang: ctx.user.locale, now: ctx.now(), randomSeed: ctx.randomSeed, math: "browser" })),
  /** A practice problem: chosen topics and difficulty, kept in the history, schedule untouched. */
  practice: learnerProcedure
    .input(practiceInput)
    .mutation(({ ctx, input }) => issuePractice({ db: ctx.db, userId: ctx.user.id, lang: ctx.user.locale, now: ctx.now(), randomSeed: ctx.randomSeed, ...input })),
  /** The courses whose published questions the learner can practise, each with its banks. */
  practiceCourses: learnerProcedure.query(({ ctx }) => practiceCourses({ db: ctx.db, userId: ctx.user.id })),
  submit: learnerProcedure.input(submitInput).mutation(({ ctx, input }) =>
    submitAnswer({ db: ctx.db, userId: ctx.user.id, ...input, now: ctx.now(), fuzz: ctx.schedulerFuzz, math: "browser" }),
  ),
  /** Problems practised in the browser while offline, graded again here and added to the history (practice: the schedule is untouched). */
  syncOfflinePractice: learnerProcedure
    .input(offlinePracticeInput)
    .mutation(async ({ ctx, input }) => ({ outcomes: await syncOfflinePractice({ db: ctx.db, userId: ctx.user.id, items: input.items, now: ctx.now() }) })),
  /** Change the rating of the latest review of a card (the suggestion is only a suggestion). */
  rate: learnerProcedure
    .input(rateInput)
    .mutation(({ ctx, input }) =>
      rateReview({ db: ctx.db, userId: ctx.user.id, reviewId: input.reviewId, rating: input.rating, now: ctx.now(), fuzz: ctx.schedulerFuzz }),
    ),
  undo: learnerProcedure
    .input(z.object({ reviewId: id("one of your reviews") }))
    .mutation(({ ctx, input }) => undoReview({ db: ctx.db, userId: ctx.user.id, reviewId: input.reviewId, now: ctx.now() })),
  finishWalkthrough: learnerProcedure
    .input(z.object({ cardId: id("one of your cards") }))
    .mutation(({ ctx, input }) => finishWalkthrough({ db: ctx.db, userId: ctx.user.id, cardId: input.cardId })),
  /** The browser re-ran the check of a review and got a different key. */
  reportMismatch: learnerProcedure
    .input(z.object({ reviewId: id("one of your reviews"), backend: z.string().min(1).max(40), browserKey: browserKeySchema }))
    .mutation(({ ctx, input }) => reportKeyMismatch({ db: ctx.db, userId: ctx.user.id, ...input })),
});

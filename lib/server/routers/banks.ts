import { z } from "zod";
import { createBank } from "../courses/create-bank";
import { deleteBank } from "../courses/delete-bank";
import { listBanks } from "../courses/list-banks";
import { renameBank } from "../courses/rename-bank";
import { reorderBanks } from "../courses/reorder-banks";
import { bankId, courseId, createBankInput, renameBankInput, reorderBanksInput } from "../courses/schemas";
import { exportBank } from "../questions/export-bank";
import { importBank } from "../questions/import-bank";
import { createRouter, instructorProcedure } from "../trpc";

/** A bundle is text; 5 MB is hundreds of questions with every version. */
const MAX_BUNDLE_LENGTH = 5_000_000;
/** Its JSON body: UTF-8 takes up to 3 bytes for a character of Chinese text, JSON escapes more. */
const MAX_BUNDLE_BODY_BYTES = 16 * 1024 * 1024;

/** A course's question banks, and their exchange files; owners only. */
export const banksRouter = createRouter({
  list: instructorProcedure.input(z.object({ courseId })).query(({ ctx, input }) => listBanks({ db: ctx.db, userId: ctx.user.id, courseId: input.courseId })),
  create: instructorProcedure.input(createBankInput).mutation(({ ctx, input }) => createBank({ db: ctx.db, userId: ctx.user.id, ...input })),
  rename: instructorProcedure.input(renameBankInput).mutation(({ ctx, input }) => renameBank({ db: ctx.db, userId: ctx.user.id, ...input })),
  reorder: instructorProcedure.input(reorderBanksInput).mutation(({ ctx, input }) => reorderBanks({ db: ctx.db, userId: ctx.user.id, ...input })),
  delete: instructorProcedure.input(z.object({ bankId })).mutation(({ ctx, input }) => deleteBank({ db: ctx.db, userId: ctx.user.id, bankId: input.bankId })),
  /** The JSON bundle (lossless), Moodle XML or GIFT, as a file to download. */
  export: instructorProcedure
    .meta({ cost: 5 })
    .input(z.object({ bankId, format: z.enum(["bundle", "moodle", "gift"]), lang: z.enum(["en", "zh-CN"]).default("en") }))
    .query(({ ctx, input }) => exportBank({ db: ctx.db, userId: ctx.user.id, ...input })),
  /** A bundle file's text, imported as a new bank of the course. */
  import: instructorProcedure
    .meta({ cost: 20, inputLimits: { maxStringLength: MAX_BUNDLE_LENGTH }, maxBodyBytes: MAX_BUNDLE_BODY_BYTES })
    .input(z.object({ courseId, text: z.string().min(1, "choose a bundle file").max(MAX_BUNDLE_LENGTH, "a bundle is at most 5 MB") }))
    .mutation(({ ctx, input }) => importBank({ db: ctx.db, userId: ctx.user.id, now: ctx.now(), ...input })),
});

import { z } from "zod";
import { listTemplates, sampleProblem, ProblemError } from "@/lib/problems";
import { AppError } from "../errors";
import { createRouter, instructorProcedure, publicProcedure } from "../trpc";

export const langSchema = z.enum(["en", "zh-CN"]);

export const previewInput = z.object({
  template: z.string().min(1, "name a template").max(200),
  seed: z
    .number({ error: "must be a whole number from 0 to 2147483647" })
    .int("must be a whole number from 0 to 2147483647")
    .min(0, "must be a whole number from 0 to 2147483647")
    .max(2 ** 31 - 1, "must be a whole number from 0 to 2147483647"),
  lang: langSchema.default("en"),
});

export const problemsRouter = createRouter({
  list: publicProcedure.query(() => listTemplates()),
  /** The whole problem, key and solution included: for instructors checking a template. */
  preview: instructorProcedure.meta({ cost: 2 }).input(previewInput).query(({ input }) => {
    try {
      return sampleProblem({ template: input.template, seed: input.seed, lang: input.lang });
    } catch (error) {
      if (error instanceof ProblemError) throw new AppError("BAD_INPUT", error.message);
      throw error;
    }
  }),
});

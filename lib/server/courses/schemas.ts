import { z } from "zod";
import { DEFAULT_TIME_ZONE, normalizeTimeZone } from "@/lib/srs/days";
import { timeZoneSchema } from "../settings/time-zone-schema";

/** Inputs of the course and bank procedures, shared by the routers and the operations. */
export const courseId = z.string().uuid("must be the id of a course");
export const bankId = z.string().uuid("must be the id of a bank");
const title = z.string().trim().min(1, "give a title").max(200, "a title is at most 200 characters");

export const createCourseInput = z.object({
  title,
  lang: z.enum(["en", "zh-CN"]).default("en"),
  desiredRetention: z.number().min(0.7).max(0.97).default(0.9),
  /**
   * The creating browser's zone, as a first guess for the deadlines' zone: one the server does not
   * know leaves the course in UTC rather than refusing it (the owner can set it later).
   */
  timeZone: z
    .string()
    .max(100)
    .transform((name) => normalizeTimeZone(name.trim()) ?? DEFAULT_TIME_ZONE)
    .optional(),
});

export const updateCourseInput = z.object({
  courseId,
  title: title.optional(),
  lang: z.enum(["en", "zh-CN"]).optional(),
  desiredRetention: z.number().min(0.7).max(0.97).optional(),
  /** The zone the course's deadlines are given in. */
  timeZone: timeZoneSchema.optional(),
});

export const addOwnerInput = z.object({ courseId, email: z.string().trim().email("must be an email address").max(320) });
export const joinInput = z.object({ code: z.string().trim().min(1, "type the join code").max(40) });

export const createBankInput = z.object({ courseId, title });
export const renameBankInput = z.object({ bankId, title });
export const reorderBanksInput = z.object({ courseId, bankIds: z.array(bankId).max(500) });

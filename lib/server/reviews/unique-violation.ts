import { DatabaseError } from "pg";
import { Prisma } from "@/lib/db/generated/client";

// PostgreSQL's SQLSTATE for unique_violation.
const UNIQUE_VIOLATION = "23505";

/**
 * The name of the unique index an insert ran into (Prisma's P2002, as the `pg` driver adapter
 * reports it, or the driver's own error for a direct statement: lib/db/direct-query.ts), or null
 * for any other error. Racing requests use it to tell "someone else did it first" (read their row
 * back) from a real failure.
 */
export function uniqueViolationOf(error: unknown): string | null {
  if (error instanceof DatabaseError) return error.code === UNIQUE_VIOLATION ? (error.constraint ?? "unknown") : null;
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return null;
  const meta = error.meta as { driverAdapterError?: { cause?: { constraint?: { index?: string } } }; target?: unknown } | undefined;
  const index = meta?.driverAdapterError?.cause?.constraint?.index;
  if (typeof index === "string") return index;
  return typeof meta?.target === "string" ? meta.target : "unknown";
}

/** The partial unique index of prisma/schema.prisma (model Variant). */
export const ONE_OPEN_VARIANT = "variants_one_open_per_learner";
/** Card's @@unique([userId, templateId]). */
export const ONE_CARD_PER_SKILL = "cards_userId_templateId_key";

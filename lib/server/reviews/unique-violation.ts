import { DatabaseError } from "pg";
import { Prisma } from "@/lib/db/generated/client";

// PostgreSQL's SQLSTATE for unique_violation.
const UNIQUE_VIOLATION = "23505";

/**
 * The name of the unique index an insert ran into, or null for any other error. Racing requests
 * use it to tell "someone else did it first" (read their row back) from a real failure. It comes
 * three ways: the driver's own error for a direct statement (lib/db/direct-query.ts); Prisma's
 * P2002 for a model write; and Prisma's P2010 ("raw query failed") for a direct statement sent
 * through `$queryRawUnsafe` by a client without the direct pool (a transaction's, or one in
 * Next.js's bundle, where a page renders: a review page opened twice at once raced there).
 */
export function uniqueViolationOf(error: unknown): string | null {
  if (error instanceof DatabaseError) return error.code === UNIQUE_VIOLATION ? (error.constraint ?? "unknown") : null;
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || (error.code !== "P2002" && error.code !== "P2010")) return null;
  const meta = error.meta as { driverAdapterError?: { cause?: { kind?: string; originalCode?: string; constraint?: { index?: string } } }; target?: unknown } | undefined;
  const cause = meta?.driverAdapterError?.cause;
  if (error.code === "P2010" && cause?.kind !== "UniqueConstraintViolation" && cause?.originalCode !== UNIQUE_VIOLATION) return null;
  const index = cause?.constraint?.index;
  if (typeof index === "string") return index;
  return typeof meta?.target === "string" ? meta.target : "unknown";
}

/** The partial unique index of prisma/schema.prisma (model Variant). */
export const ONE_OPEN_VARIANT = "variants_one_open_per_learner";
/** Card's @@unique([userId, templateId]). */
export const ONE_CARD_PER_SKILL = "cards_userId_templateId_key";

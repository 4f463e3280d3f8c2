import "server-only";
// The client alone: the rest of lib/db (embedded server, migrations) belongs to the launcher.
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db";
import { env } from "@/lib/env";
import { createAuth, type Auth } from "./auth/create-auth";
import { baseUrlOf, trustedOriginsOf } from "./auth/origins";
import { createResetLinkSender } from "./auth/reset-mail";
import { getLogger } from "./observability/logger";

export interface Services {
  db: PrismaClient;
  dbKind: "pglite" | "postgres";
  auth: Auth;
}

// Next.js may load this module more than once (route bundles, dev reloads); one process keeps one
// database pool, so the services hang off globalThis.
const holder = globalThis as typeof globalThis & { strideServices?: Services };

/**
 * The database and auth of this server process. scripts/start.ts opened the database (the
 * embedded PGlite or DATABASE_URL), applied migrations and told us where it is.
 */
export function getServices(): Services {
  if (holder.strideServices) return holder.strideServices;
  const config = env();
  const url = config.STRIDE_INTERNAL_DB_URL ?? config.DATABASE_URL;
  if (!url) {
    throw new Error("No database: start Stride with `npm start` (or `npm run dev`), which opens the database first.");
  }
  const dbKind = config.STRIDE_INTERNAL_DB_KIND ?? "postgres";
  const db = createPrismaClient({ url, kind: dbKind });
  if (!config.BETTER_AUTH_SECRET) throw new Error("BETTER_AUTH_SECRET is not set (npm start sets one for local use).");
  const baseURL = baseUrlOf(config);
  const auth = createAuth({
    prisma: db,
    baseURL,
    secret: config.BETTER_AUTH_SECRET,
    trustedOrigins: trustedOriginsOf(config),
    signInLimit: config.STRIDE_AUTH_SIGN_IN_LIMIT,
    sendResetLink: createResetLinkSender({ smtpUrl: config.SMTP_URL, from: config.SMTP_FROM, logger: getLogger() }),
  });
  holder.strideServices = { db, dbKind, auth };
  return holder.strideServices;
}

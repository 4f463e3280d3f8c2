import path from "node:path";
import { applyMigrations, createPrismaClient, type PrismaClient, startEmbeddedPostgres } from "../../db";
import { env } from "../../env";
import { UsageError } from "../errors";

/** A database a bank command works on, and how to let go of it. */
export interface BankDatabase {
  db: PrismaClient;
  close(): Promise<void>;
}

/**
 * The configured database, as `npm start` opens it: DATABASE_URL when set, else the embedded
 * PGlite in STRIDE_DATA_DIR (which a running server holds: stop it first, or set DATABASE_URL).
 * Pending migrations are applied, as on start.
 */
export async function openConfiguredDatabase(): Promise<BankDatabase> {
  const config = env();
  if (config.DATABASE_URL) {
    await applyMigrations({ url: config.DATABASE_URL });
    const db = createPrismaClient({ url: config.DATABASE_URL, kind: "postgres" });
    return { db, close: () => db.$disconnect() };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(path.resolve(config.STRIDE_DATA_DIR), "pglite") });
  await applyMigrations({ url: embedded.url });
  const db = createPrismaClient({ url: embedded.url, kind: "pglite" });
  return {
    db,
    close: async () => {
      await db.$disconnect();
      await embedded.close();
    },
  };
}

/** The id of the user a command acts as (`--as EMAIL`); their course ownership is checked as in the app. */
export async function userIdOf(db: PrismaClient, email: string): Promise<string> {
  const user = await db.user.findFirst({ where: { email: { equals: email, mode: "insensitive" } }, select: { id: true } });
  if (!user) throw new UsageError(`nobody has the email ${email}`);
  return user.id;
}

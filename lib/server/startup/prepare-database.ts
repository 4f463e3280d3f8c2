/**
 * What a Stride process does to its database before it serves: apply pending migrations, write
 * the built-in bank's templates, and (when allowed) seed the demo accounts, the demo learner's
 * history and the demo course.
 *
 * Many instances may start at once on one PostgreSQL server (issue 11, item 8: two instances
 * racing to seed the demo accounts crashed one of them with P2002 users_email_key). So the whole
 * preparation runs under one session-level advisory lock: the first process does the work, the
 * others wait for it and find nothing left to do, since every step checks before it writes. The
 * embedded PGlite needs no lock: its data directory belongs to one process (lib/db/data-dir-lock).
 */
// Straight from the modules: the launcher alone runs this, but lib/server code keeps lib/db's index
// (and its migrator) out of anything Next.js might bundle.
import { PREPARE_LOCK_KEY, withAdvisoryLock } from "@/lib/db/advisory-lock";
import { createPrismaClient, type DatabaseKind } from "@/lib/db/client";
import { applyMigrations, listMigrations } from "@/lib/db/migrate";
import { createAuth } from "../auth/create-auth";
import { DEMO_PASSWORD, seedDemoAccounts } from "../auth/demo-accounts";
import { syncBuiltInBank } from "../bank/sync-built-in-bank";
import { seedDemoCourse } from "../demo/seed-demo-course";
import { seedDemoHistory } from "../demo/seed-demo-history";
import type { Logger } from "../observability/logger";

export type PrepareDatabaseOptions = {
  url: string;
  kind: DatabaseKind;
  /** Seed the demo accounts, history and course (see demoAccountsAllowed). */
  demo: boolean;
  /** better-auth's settings, to create the demo accounts through its sign-up as a person would. */
  auth: { baseURL: string; secret: string; trustedOrigins: string[] };
  now?: Date;
  logger?: Pick<Logger, "info">;
};

export type PreparationReport = {
  /** Every migration of this build (all applied now), and those this call applied. */
  migrations: string[];
  migrationsApplied: string[];
  templates: number;
  retiredTemplates: string[];
  demoAccountsCreated: string[];
  demoHistoryReviews: number;
  demoCourseCreated: boolean;
};

export async function prepareDatabase(options: PrepareDatabaseOptions): Promise<PreparationReport> {
  const { url, kind, logger } = options;
  if (kind === "pglite") return prepareUnlocked(options);
  return withAdvisoryLock(
    { url, key: PREPARE_LOCK_KEY, onWait: () => logger?.info("another instance is preparing the database; waiting for it") },
    () => prepareUnlocked(options),
  );
}

async function prepareUnlocked({ url, kind, demo, auth: authOptions, now = new Date(), logger }: PrepareDatabaseOptions): Promise<PreparationReport> {
  const { applied } = await applyMigrations({ url });
  if (applied.length > 0) logger?.info({ migrations: applied }, "applied migrations");

  const prisma = createPrismaClient({ url, kind });
  try {
    const bank = await syncBuiltInBank({ db: prisma });
    logger?.info({ templates: bank.active, retired: bank.retired }, "question bank synchronised");
    const report: PreparationReport = {
      migrations: await listMigrations(),
      migrationsApplied: applied,
      templates: bank.active,
      retiredTemplates: bank.retired,
      demoAccountsCreated: [],
      demoHistoryReviews: 0,
      demoCourseCreated: false,
    };
    if (!demo) return report;

    const auth = createAuth({ prisma, ...authOptions });
    report.demoAccountsCreated = await seedDemoAccounts({ auth, prisma });
    if (report.demoAccountsCreated.length > 0) {
      logger?.info({ accounts: report.demoAccountsCreated }, `demo accounts created (password: ${DEMO_PASSWORD})`);
    }
    const learner = await prisma.user.findUniqueOrThrow({ where: { email: "learner@example.com" }, select: { id: true } });
    const history = await seedDemoHistory({ db: prisma, userId: learner.id, now });
    report.demoHistoryReviews = history.reviews;
    if (history.reviews > 0) logger?.info({ reviews: history.reviews, skills: history.cards }, "demo learner's history seeded");
    const instructor = await prisma.user.findUniqueOrThrow({ where: { email: "instructor@example.com" }, select: { id: true } });
    const course = await seedDemoCourse({ db: prisma, instructorId: instructor.id, learnerId: learner.id, now });
    report.demoCourseCreated = course.created;
    if (course.created) logger?.info({ joinCode: course.joinCode, reviews: course.reviews }, "demo course seeded");
    return report;
  } finally {
    await prisma.$disconnect();
  }
}

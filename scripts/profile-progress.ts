/**
 * `npx tsx scripts/profile-progress.ts`: the server time of the progress page's data for the demo
 * learner (issue 12: under 300 ms), on an in-memory PGlite prepared as `npm start` prepares one
 * (migrations, built-in bank, demo accounts, history and course). Prints the first call, then the
 * median and the slowest of `PROGRESS_RUNS` (default 10) more, of `progress.get` (the page's one
 * data call), of typesetting a history page's prompts (what the page used to do on every load),
 * of `progress.prompt` (one opened row), and of the course statistics the demo instructor sees.
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { createPrismaClient, IN_MEMORY, startEmbeddedPostgres } from "@/lib/db";
import { renderMarkdown } from "@/lib/server/markdown/render-markdown";
import { createCaller } from "@/lib/server/root";
import { prepareDatabase } from "@/lib/server/startup/prepare-database";
import { createContext, type SessionUser } from "@/lib/server/trpc";

const RUNS = Number(process.env.PROGRESS_RUNS ?? 10);

async function timed(label: string, call: () => Promise<unknown>) {
  const first = performance.now();
  await call();
  console.log(`${label}: first call ${(performance.now() - first).toFixed(1)} ms`);
  const times: number[] = [];
  // CPU time as well as wall time: on a shared machine the wall time mostly measures the others.
  const cpu = process.cpuUsage();
  for (let run = 0; run < RUNS; run += 1) {
    const start = performance.now();
    await call();
    times.push(performance.now() - start);
  }
  const used = process.cpuUsage(cpu);
  times.sort((a, b) => a - b);
  const cpuMs = (used.user + used.system) / 1000 / RUNS;
  console.log(`${label}: median ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms, slowest ${times.at(-1)!.toFixed(1)} ms, ${cpuMs.toFixed(1)} ms CPU a call, over ${RUNS} calls`);
}

async function main() {
  const embedded = await startEmbeddedPostgres({ dataDir: IN_MEMORY });
  const now = new Date();
  const started = performance.now();
  await prepareDatabase({
    url: embedded.url,
    kind: "pglite",
    demo: true,
    auth: { baseURL: "http://localhost:3000", secret: randomBytes(32).toString("hex"), trustedOrigins: [] },
    now,
  });
  console.log(`prepared the demo database in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const db = createPrismaClient({ url: embedded.url, kind: "pglite" });
  try {
    const asUser = async (email: string) => {
      const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true, role: true, locale: true } });
      return createCaller(createContext({ db, user: user as SessionUser, now: () => now }));
    };
    const learner = await asUser("learner@example.com");
    console.log(`demo learner: ${await db.review.count({ where: { user: { email: "learner@example.com" } } })} reviews`);
    await timed("progress.get page 1", () => learner.progress.get({ page: 1 }));
    const { history } = await learner.progress.get({ page: 1 });
    // What the page did before issue 12: typeset a whole history page of prompts on every load.
    await timed("typesetting one history page's prompts (no longer done by the page)", async () => history.map((row) => row.prompt && renderMarkdown(row.prompt)));
    await timed("progress.prompt, one opened row", () => learner.progress.prompt({ reviewId: history[0]!.id }));
    await timed("progress.get page 3", () => learner.progress.get({ page: 3 }));
    const instructor = await asUser("instructor@example.com");
    const course = await db.course.findFirstOrThrow({ select: { id: true } });
    await timed("statistics.course", () => instructor.statistics.course({ courseId: course.id }));
  } finally {
    await db.$disconnect();
    await embedded.close();
  }
}

await main();

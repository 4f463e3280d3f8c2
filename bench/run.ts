/**
 * `npm run bench`: how fast Stride's hot paths are on this machine. Figures go to
 * docs/BENCHMARKS.md with the command and the machine; no test asserts on time.
 * `npm run bench -- engine cli` runs only the areas named (core, server, engine, cli, srs, page).
 * `npm run bench -- load` (bench/load.ts: the production server under a class's load) runs only
 * when named: it builds and starts servers and takes several minutes.
 */
import os from "node:os";
import { Bench } from "tinybench";
import { applyMigrations, createPrismaClient, IN_MEMORY, startEmbeddedPostgres } from "@/lib/db";
import { analyze, zooSpec } from "@/lib/engine";
import { gradeAnswer } from "@/lib/grading";
import { sampleProblem } from "@/lib/problems";
import { createCaller } from "@/lib/server/root";
import { createContext } from "@/lib/server/trpc";
import { newCardState, scheduleReview } from "@/lib/srs";
import { cliBench } from "./cli";
import { engineBench } from "./engine";
import { loadBench } from "./load";
import { pageLoadBench } from "./page-load";
import { srsBench } from "./srs";

// d2l's LeNet (DESIGN.md's example spec).
const lenet = zooSpec("d2l-lenet");

async function coreBench() {
  const bench = new Bench({ time: 1500, warmupTime: 300 });
  let seed = 0;
  const problem = sampleProblem({ template: "conv.output-size", seed: 7, lang: "en" });
  const right = (problem.answer.value as number[]).join("x");
  const now = new Date("2026-01-01T00:00:00Z");
  bench
    .add("engine: analyze d2l LeNet", () => {
      analyze(lenet);
    })
    .add("problems: sample conv.output-size (key from the engine)", () => {
      sampleProblem({ template: "conv.output-size", seed: seed++ % 100_000, lang: "en" });
    })
    .add("grading: grade a shape answer", () => {
      gradeAnswer({ problem, answer: right });
    })
    .add("srs: schedule a review", () => {
      scheduleReview({ card: newCardState(now), rating: 3, now });
    });
  await bench.run();
  return bench.table();
}

async function serverBench() {
  const embedded = await startEmbeddedPostgres({ dataDir: IN_MEMORY });
  await applyMigrations({ url: embedded.url });
  const db = createPrismaClient({ url: embedded.url, kind: "pglite" });
  await db.user.create({ data: { id: "bench", email: "bench@example.com", name: "Bench" } });
  const caller = createCaller(createContext({ db, user: { id: "bench", email: "bench@example.com", name: "Bench", role: "learner", locale: "en" } }));
  const bench = new Bench({ time: 3000, warmupTime: 300 });
  bench.add("API on PGlite: issue a problem and grade an answer (review.practice + review.submit)", async () => {
    const issued = await caller.review.practice({ topics: [] });
    if (issued.status !== "issued") throw new Error(`unexpected ${issued.status}`);
    await caller.review.submit({ variantId: issued.variantId, answer: "1x1x1" });
  });
  await bench.run();
  const table = bench.table();
  await db.$disconnect();
  await embedded.close();
  return table;
}

const AREAS = ["core", "server", "engine", "cli", "srs", "page"];
const ON_REQUEST = ["load"];
const asked = process.argv.slice(2).filter((arg) => AREAS.includes(arg) || ON_REQUEST.includes(arg));
const areas = asked.length > 0 ? asked : AREAS;

console.log(`Stride benchmarks — Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`);
if (areas.includes("core")) console.table(await coreBench());
if (areas.includes("server")) console.table(await serverBench());
if (areas.includes("engine")) console.table(await engineBench());
if (areas.includes("cli")) console.table(await cliBench());
if (areas.includes("srs")) await srsBench();
if (areas.includes("page")) await pageLoadBench();
if (areas.includes("load")) await loadBench();

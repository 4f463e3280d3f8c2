/**
 * `npm run test:torch`: the engine against PyTorch (opt-in; not part of `npm test`).
 *
 * Seeded random architecture specs and op specs (scripts/torch/generate.ts) go to both the engine
 * and the PyTorch oracle (scripts/torch/oracle.py). Shapes, params and buffers must agree
 * exactly, MACs of conv/dense layers too, op outputs (and the gradient ops' grad_input,
 * grad_kernel and grad_bias, from torch's `y.backward(grad_output)`) within 1e-4 relative
 * (|engine − torch| ≤ 1e-4 · max(1, |torch|); torch computes in float64, tfjs in float32), and
 * a spec PyTorch refuses must be refused by the engine (and the other way round). The zoo's
 * totals are checked against torchvision's models when the engine has a zoo.
 *
 * Layer types and ops the engine does not know yet are counted as "not available yet", not as
 * failures, so this runs while the engine grows. Every disagreement goes to
 * test-results/torch-differential.jsonl; the first few of each kind are printed.
 *
 * Flags: --seed N (default 1), --specs N (1500), --ops N (500), --no-zoo, --show N (3),
 * --engine FILE (a module to test instead of lib/engine/index.ts, e.g. one that re-exports
 * work in progress).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createDraw, randomOp, randomSpec } from "./generate";
import { type OracleAnswer, startOracle, SYSTEM_PYTHON, torchAvailable } from "./oracle-client";

interface LayerRow {
  path: string;
  type: string;
  outputShape: number[];
  params: number;
  buffers: number;
  macs?: number;
}
interface AnalysisLike {
  outputShape: number[];
  totalParams: number;
  totalBuffers: number;
  totalMacs?: number;
  layers: LayerRow[];
}
/** The engine's public surface, as far as this test needs it; `run` and the zoo may not exist yet. */
interface EngineApi {
  analyze(spec: unknown): AnalysisLike;
  run?: (op: unknown) => unknown;
  zooNames?: () => string[];
  zooSpec?: (name: string) => unknown;
}

const { values: flags } = parseArgs({
  options: {
    seed: { type: "string", default: "1" },
    specs: { type: "string", default: "1500" },
    ops: { type: "string", default: "500" },
    "no-zoo": { type: "boolean", default: false },
    show: { type: "string", default: "3" },
    engine: { type: "string", default: "lib/engine/index.ts" },
  },
});

const LAYER_TYPES = [
  "conv2d", "conv1d", "conv2d_transpose", "maxpool2d", "avgpool2d", "maxpool1d", "avgpool1d",
  "global_avgpool", "global_maxpool", "adaptive_avgpool2d", "batchnorm", "relu", "sigmoid", "tanh",
  "softmax", "dropout", "flatten", "dense", "sequential", "residual", "concat",
];
const COMPOSITES = new Set(["sequential", "residual", "concat"]);
/** Layers whose MACs DESIGN.md defines with a formula PyTorch's shapes reproduce. */
const MAC_LAYERS = new Set(["conv2d", "conv1d", "dense"]);
/** torchvision's ImageNet models (googlenet with aux_logits=False, init_weights=False). */
const TORCHVISION = [
  "resnet18", "resnet34", "resnet50", "resnet101", "vgg11", "vgg13", "vgg16", "vgg19", "vgg11_bn",
  "vgg13_bn", "vgg16_bn", "vgg19_bn", "alexnet", "googlenet", "densenet121", "densenet169", "mobilenet_v2",
];

interface Failure {
  kind: string;
  detail: string;
  spec?: unknown;
  op?: unknown;
  engine: unknown;
  torch: unknown;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: string; code?: string; internal: boolean };

async function attempt(fn: () => unknown): Promise<Outcome> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    const e = error as { name?: string; message?: string; code?: string };
    return { ok: false, error: e.message ?? String(error), code: e.code, internal: e.name !== "EngineError" };
  }
}

const sameShape = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function typesIn(layers: unknown): string[] {
  const out: string[] = [];
  const walk = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const layer of list as Record<string, unknown>[]) {
      out.push(String(layer.type));
      walk(layer.layers);
      walk(layer.body);
      walk(layer.shortcut);
      if (Array.isArray(layer.branches)) for (const branch of layer.branches) walk(branch);
    }
  };
  walk(layers);
  return out;
}

/** Which layer types the engine knows now: a type it does not know is "unknown-layer-type". */
async function knownLayerTypes(engine: EngineApi): Promise<Set<string>> {
  const known = new Set<string>();
  for (const type of LAYER_TYPES) {
    const outcome = await attempt(() => engine.analyze({ input: [2, 8, 8], layers: [{ type }] }));
    if (outcome.ok || outcome.code !== "unknown-layer-type") known.add(type);
  }
  return known;
}

/** Why an analysis differs from PyTorch's, or null when it agrees. */
function compareAnalysis(engine: AnalysisLike, torch: OracleAnswer, hasTransposed: boolean): string | null {
  if (!sameShape(engine.outputShape, torch.outputShape)) return `outputShape ${JSON.stringify(engine.outputShape)} vs ${JSON.stringify(torch.outputShape)}`;
  if (engine.totalParams !== torch.totalParams) return `totalParams ${engine.totalParams} vs ${String(torch.totalParams)}`;
  if (engine.totalBuffers !== torch.totalBuffers) return `totalBuffers ${engine.totalBuffers} vs ${String(torch.totalBuffers)}`;
  if (!hasTransposed && engine.totalMacs !== undefined && engine.totalMacs !== torch.totalMacs) {
    return `totalMacs ${engine.totalMacs} vs ${String(torch.totalMacs)}`;
  }
  const rows = torch.layers as LayerRow[];
  const paths = engine.layers.map((row) => row.path);
  if (!sameShape(paths, rows.map((row) => row.path))) return `layer paths ${JSON.stringify(paths)} vs ${JSON.stringify(rows.map((row) => row.path))}`;
  for (const [i, row] of rows.entries()) {
    const mine = engine.layers[i] as LayerRow;
    const at = `layer ${row.path} (${row.type})`;
    if (mine.type !== row.type) return `${at}: type ${mine.type}`;
    if (!sameShape(mine.outputShape, row.outputShape)) return `${at}: outputShape ${JSON.stringify(mine.outputShape)} vs ${JSON.stringify(row.outputShape)}`;
    if (COMPOSITES.has(row.type)) {
      // DESIGN.md does not say whether a composite's row counts its descendants (torchinfo's
      // way, the oracle's) or only what it holds itself (0); either is accepted, the totals decide.
      const own = mine.params === 0 && mine.buffers === 0;
      const recursive = mine.params === row.params && mine.buffers === row.buffers;
      if (!own && !recursive) return `${at}: params/buffers ${mine.params}/${mine.buffers}, neither 0 nor the descendants' ${row.params}/${row.buffers}`;
      continue;
    }
    if (mine.params !== row.params) return `${at}: params ${mine.params} vs ${row.params}`;
    if (mine.buffers !== row.buffers) return `${at}: buffers ${mine.buffers} vs ${row.buffers}`;
    if (MAC_LAYERS.has(row.type) && mine.macs !== undefined && mine.macs !== row.macs) return `${at}: macs ${mine.macs} vs ${String(row.macs)}`;
  }
  return null;
}

/** Nested arrays of the same shape, each number within 1e-4 relative; or why not. */
function compareNumbers(mine: unknown, theirs: unknown, at = "output"): string | null {
  if (Array.isArray(theirs)) {
    if (!Array.isArray(mine)) return `${at}: ${JSON.stringify(mine)} where torch has an array`;
    if (mine.length !== theirs.length) return `${at}: length ${mine.length} vs ${theirs.length}`;
    for (let i = 0; i < theirs.length; i++) {
      const why = compareNumbers(mine[i], theirs[i], `${at}[${i}]`);
      if (why) return why;
    }
    return null;
  }
  if (typeof mine !== "number" || typeof theirs !== "number") return `${at}: ${JSON.stringify(mine)} vs ${JSON.stringify(theirs)}`;
  return Math.abs(mine - theirs) <= 1e-4 * Math.max(1, Math.abs(theirs)) ? null : `${at}: ${mine} vs ${theirs}`;
}

/** PyTorch's refusal, in a few words, to tally what the refused specs exercised. */
function refusalKind(error: string): string {
  const kinds: [RegExp, string][] = [
    [/pad(ding)? should be at most half/, "pool padding > kernel/2"],
    [/output padding must be smaller/, "output_padding ≥ stride and dilation"],
    [/Kernel size can.t be greater|Output size is too small|Invalid computed output size|smaller than 1|negative output|non-positive/i, "output < 1"],
    [/divisible by groups/, "groups do not divide channels"],
    [/residual paths differ/, "residual shapes differ"],
    [/concat branches differ/, "concat branches differ"],
    [/same' is not supported for strided/, "padding same with stride > 1"],
    [/dense needs a flat input/, "dense on a non-flat input"],
  ];
  return kinds.find(([pattern]) => pattern.test(error))?.[1] ?? error.replace(/^layer [^:]+: /, "").slice(0, 60);
}

/** The engine's zoo name for a torchvision model, if it has one. */
function zooNameFor(torchName: string, names: string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
  const target = norm(torchName);
  const candidates = names.filter((name) => {
    const n = norm(name);
    const at = n.indexOf(target);
    // "vgg11" must not take "vgg11bn"; "resnet18" must not take "resnet180".
    return at >= 0 && !/^[0-9]|^bn/.test(n.slice(at + target.length)) && !n.includes("d2l");
  });
  return candidates.find((name) => /torchvision|imagenet|tv/.test(norm(name))) ?? candidates.find((name) => norm(name) === target) ?? candidates[0];
}

async function main(): Promise<number> {
  if (!torchAvailable()) {
    console.log(`torch differential: skipped, ${SYSTEM_PYTHON} not found (apt-get install -y python3-torch python3-torchvision)`);
    return 0;
  }
  const engine = (await import(pathToFileURL(path.resolve(flags.engine)).href)) as EngineApi;
  const seed = Number(flags.seed);
  const draw = createDraw(seed);
  const show = Number(flags.show);
  const failures: Failure[] = [];
  const counts = { passed: 0, failed: 0, agreedRefusals: 0, specsCompared: 0, opsCompared: 0, zooCompared: 0 };
  const unavailable = new Map<string, number>();
  const note = (what: string) => unavailable.set(what, (unavailable.get(what) ?? 0) + 1);
  const fail = (failure: Failure) => {
    counts.failed++;
    failures.push(failure);
  };
  const coverage = new Map<string, number>();
  const refusals = new Map<string, number>();
  const tally = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const oracle = startOracle();
  const started = performance.now();

  // Architecture specs.
  const known = await knownLayerTypes(engine);
  const specs = Array.from({ length: Number(flags.specs) }, () => randomSpec(draw));
  const torchSpecs = await oracle.ask(specs.map((spec) => ({ spec })));
  for (const [i, spec] of specs.entries()) {
    const types = typesIn(spec.layers);
    const missing = types.filter((type) => !known.has(type));
    if (missing.length > 0) {
      note(`specs with layer type ${[...new Set(missing)].join("+")}`);
      continue;
    }
    const torch = torchSpecs[i] as OracleAnswer;
    const mine = await attempt(() => engine.analyze(spec));
    const record = (kind: string, detail: string) =>
      fail({ kind, detail, spec, engine: mine.ok ? mine.value : { error: mine.error, code: (mine as { code?: string }).code }, torch });
    if (!mine.ok && mine.internal) record("engine crashed (not an EngineError)", mine.error);
    else if (torch.error !== undefined && mine.ok) record("torch refuses, engine accepts", torch.error);
    else if (torch.error === undefined && !mine.ok) record("torch accepts, engine refuses", mine.error);
    else if (torch.error !== undefined) {
      counts.passed++;
      counts.agreedRefusals++;
      tally(refusals, refusalKind(torch.error));
    } else {
      counts.specsCompared++;
      for (const type of new Set(types)) tally(coverage, type);
      const why = compareAnalysis((mine as { value: AnalysisLike }).value, torch, types.includes("conv2d_transpose"));
      if (why) record("analysis differs", why);
      else counts.passed++;
    }
  }

  // Op specs.
  const ops = Array.from({ length: Number(flags.ops) }, () => randomOp(draw));
  if (typeof engine.run !== "function") {
    unavailable.set("ops (engine.run does not exist yet)", ops.length);
  } else {
    const run = engine.run;
    const torchOps = await oracle.ask(ops.map((op) => ({ op })));
    for (const [i, op] of ops.entries()) {
      const torch = torchOps[i] as OracleAnswer;
      const mine = await attempt(() => run(op));
      if (!mine.ok && /unknown op|unknown "op"|op must be one of/i.test(mine.error)) {
        note(`ops ${String(op.op)}`);
        continue;
      }
      const record = (kind: string, detail: string) =>
        fail({ kind: `op ${String(op.op)}: ${kind}`, detail, op, engine: mine.ok ? mine.value : { error: mine.error }, torch });
      if (!mine.ok && mine.internal) record("engine crashed (not an EngineError)", mine.error);
      else if (torch.error !== undefined && mine.ok) record("torch refuses, engine accepts", torch.error);
      else if (torch.error === undefined && !mine.ok) record("torch accepts, engine refuses", mine.error);
      else if (torch.error !== undefined) {
        counts.passed++;
        counts.agreedRefusals++;
      } else {
        counts.opsCompared++;
        // Every field PyTorch answered: output, or the gradients of a gradient op.
        const answer = (mine as { value: Record<string, unknown> }).value;
        const fields = ["output", "grad_input", "grad_kernel", "grad_bias", "kernel_after_step"].filter((field) => field in torch);
        const why = fields.map((field) => compareNumbers(answer[field], torch[field], field)).find((reason) => reason !== null) ?? null;
        if (why) record("answer differs", why);
        else counts.passed++;
      }
    }
  }

  // The zoo against torchvision.
  if (!flags["no-zoo"]) {
    if (typeof engine.zooNames !== "function" || typeof engine.zooSpec !== "function") {
      unavailable.set("zoo models (zooNames/zooSpec do not exist yet)", TORCHVISION.length);
    } else {
      const names = engine.zooNames();
      const zooSpec = engine.zooSpec;
      const pairs = TORCHVISION.map((torchName) => [torchName, zooNameFor(torchName, names)] as const);
      for (const [torchName] of pairs.filter(([, name]) => name === undefined)) note(`zoo ${torchName}`);
      const present = pairs.filter((pair): pair is readonly [string, string] => pair[1] !== undefined);
      const torchZoo = await oracle.ask(present.map(([torchName]) => ({ zoo: torchName })));
      for (const [i, [torchName, name]] of present.entries()) {
        const torch = torchZoo[i] as OracleAnswer;
        const mine = await attempt(() => engine.analyze(zooSpec(name)));
        const record = (detail: string) => fail({ kind: `zoo ${name} vs torchvision ${torchName}`, detail, spec: name, engine: mine.ok ? mine.value : { error: mine.error }, torch });
        if (!mine.ok) {
          record(mine.error);
          continue;
        }
        counts.zooCompared++;
        const analysis = mine.value as AnalysisLike;
        const summary = { outputShape: analysis.outputShape, totalParams: analysis.totalParams, totalBuffers: analysis.totalBuffers };
        const why =
          analysis.totalParams !== torch.totalParams ? `totalParams ${analysis.totalParams} vs ${String(torch.totalParams)}`
          : analysis.totalBuffers !== torch.totalBuffers ? `totalBuffers ${analysis.totalBuffers} vs ${String(torch.totalBuffers)}`
          : !sameShape(analysis.outputShape, torch.outputShape) ? `outputShape ${JSON.stringify(analysis.outputShape)} vs ${JSON.stringify(torch.outputShape)}`
          : null;
        if (why) fail({ kind: `zoo ${name} vs torchvision ${torchName}`, detail: why, spec: name, engine: summary, torch });
        else counts.passed++;
      }
    }
  }
  await oracle.close();

  // Report.
  mkdirSync("test-results", { recursive: true });
  writeFileSync("test-results/torch-differential.jsonl", failures.map((f) => JSON.stringify(f)).join("\n") + (failures.length ? "\n" : ""));
  const byKind = new Map<string, Failure[]>();
  for (const failure of failures) byKind.set(failure.kind, [...(byKind.get(failure.kind) ?? []), failure]);
  for (const [kind, list] of byKind) {
    console.log(`\n✗ ${kind}: ${list.length}`);
    for (const failure of list.slice(0, show)) {
      console.log(`  - ${failure.detail}`);
      console.log(`    ${failure.spec !== undefined ? "spec" : "op"}:   ${JSON.stringify(failure.spec ?? failure.op)}`);
      console.log(`    engine: ${JSON.stringify(failure.engine).slice(0, 400)}`);
      console.log(`    torch:  ${JSON.stringify(failure.torch).slice(0, 400)}`);
    }
  }
  const list = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(", ");
  console.log(`\nspecs compared, by layer type: ${list(coverage)}`);
  console.log(`refused by both, by PyTorch's reason: ${list(refusals)}`);
  if (unavailable.size > 0) {
    console.log("\nnot available yet in the engine (not counted):");
    for (const [what, n] of [...unavailable].sort((a, b) => b[1] - a[1])) console.log(`  ${n} × ${what}`);
  }
  console.log(
    `\nseed ${seed}: ${counts.specsCompared} specs compared, ${counts.opsCompared} ops compared, ${counts.zooCompared} zoo models compared, ` +
      `${counts.agreedRefusals} refused by both; ${((performance.now() - started) / 1000).toFixed(1)} s; disagreements in test-results/torch-differential.jsonl`,
  );
  console.log(`torch differential: ${counts.passed} passed, ${counts.failed} failed`);
  return counts.failed === 0 ? 0 : 1;
}

process.exitCode = await main();

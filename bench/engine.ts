/**
 * Engine benchmarks (issue 4, item 7): ResNet-50 analyses a second on one core, the whole zoo,
 * small ops through `run` beside a raw tfjs `conv2d` on pre-made tensors, measured in the same
 * run. Parts of the engine that have not landed yet are reported as "not available yet".
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { Bench } from "tinybench";
import { tf } from "@/lib/engine/tf";

export interface BenchRow {
  task: string;
  figure: string;
  goal: string;
  note: string;
}

/** The engine's public surface as this bench uses it; `run` and the zoo may not exist yet. */
interface EngineApi {
  analyze(spec: unknown): { totalParams: number };
  run?: (op: unknown) => unknown;
  zooNames?: () => string[];
  zooSpec?: (name: string) => unknown;
}

const perSecond = (hz: number) => `${Math.round(hz).toLocaleString("en-US")} /s`;
const SYSTEM_PYTHON = "/usr/bin/python3";

function resnet50Name(names: string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
  const candidates = names.filter((n) => /resnet50(?!\d)/.test(norm(n)) && !norm(n).includes("d2l"));
  return candidates.find((n) => /torchvision|imagenet/.test(norm(n))) ?? candidates[0];
}

/** 5×5 inputs and 3×3 kernels as JSON arrays, a few different ones so nothing is cached. */
function smallOps(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    op: "corr2d",
    input: Array.from({ length: 5 }, (_, r) => Array.from({ length: 5 }, (_, c) => ((i + 3 * r + 7 * c) % 11) - 5)),
    kernel: Array.from({ length: 3 }, (_, r) => Array.from({ length: 3 }, (_, c) => ((i + r + 2 * c) % 5) - 2)),
  }));
}

/** torchvision's ResNet-50 built and counted, in ms (median of 5), or null without torch. */
function torchResnet50Ms(): number | null {
  if (!existsSync(SYSTEM_PYTHON)) return null;
  const script = [
    "import time, statistics, torch, torchvision",
    "torch.set_num_threads(1)",
    "times = []",
    "for _ in range(5):",
    "    t = time.perf_counter(); m = torchvision.models.resnet50(); n = sum(p.numel() for p in m.parameters()); times.append(time.perf_counter() - t)",
    "print(statistics.median(times) * 1000, n)",
  ].join("\n");
  const result = spawnSync(SYSTEM_PYTHON, ["-c", script], { encoding: "utf8" });
  if (result.status !== 0) return null;
  const [ms, count] = result.stdout.trim().split(/\s+/).map(Number);
  return count === 25_557_032 && ms !== undefined ? ms : null;
}

export async function engineBench(): Promise<BenchRow[]> {
  const engine = (await import("@/lib/engine")) as unknown as EngineApi;
  const rows: BenchRow[] = [];
  const bench = new Bench({ time: 2000, warmupTime: 300 });
  const names = typeof engine.zooNames === "function" ? engine.zooNames() : [];
  const zooSpec = engine.zooSpec;
  const resnet = resnet50Name(names);
  const resnetSpec = resnet && zooSpec ? zooSpec(resnet) : undefined;
  const zoo = zooSpec ? names.map((name) => zooSpec(name)) : [];
  const ops = smallOps(64);
  let i = 0;

  if (resnetSpec !== undefined) {
    const params = engine.analyze(resnetSpec).totalParams;
    bench.add(`analyze ResNet-50 (${resnet}, ${params.toLocaleString("en-US")} params)`, () => {
      engine.analyze(resnetSpec);
    });
  } else {
    rows.push({ task: "analyze ResNet-50", figure: "not available yet", goal: "≥ 10,000 /s", note: "no zooSpec / no resnet50 in the zoo" });
  }
  if (zoo.length > 0) {
    bench.add(`analyze the whole zoo (${zoo.length} specs)`, () => {
      for (const spec of zoo) engine.analyze(spec);
    });
  } else {
    rows.push({ task: "analyze the whole zoo", figure: "not available yet", goal: "", note: "no zooNames / zooSpec" });
  }

  const run = engine.run;
  if (typeof run === "function") {
    // Timed as it is called: synchronously when `run` answers synchronously (an async task
    // would add a promise per iteration that the raw tfjs tasks below do not pay).
    const first = run(ops[0]);
    const name = "run corr2d 5×5 ⋆ 3×3, JSON arrays in and out";
    if (first instanceof Promise) {
      await first;
      bench.add(`${name} (async)`, async () => {
        await run(ops[i++ % ops.length]);
      });
    } else {
      bench.add(name, () => {
        run(ops[i++ % ops.length]);
      });
    }
  } else {
    rows.push({ task: "run corr2d 5×5 ⋆ 3×3", figure: "not available yet", goal: "≥ 50,000 /s", note: "engine.run does not exist yet" });
  }

  // Raw tfjs on the same backend, on tensors made once: the floor `run` is measured against.
  const x = tf.tensor4d(ops[0]!.input.flat(), [1, 5, 5, 1]);
  const k = tf.tensor4d(ops[0]!.kernel.flat(), [3, 3, 1, 1]);
  const tensorsBefore = tf.memory().numTensors;
  bench.add(`raw tfjs conv2d on pre-made tensors (${tf.getBackend()}), no read-back`, () => {
    tf.conv2d(x, k, 1, "valid").dispose();
  });
  bench.add(`raw tfjs conv2d on pre-made tensors (${tf.getBackend()}) + dataSync`, () => {
    const y = tf.conv2d(x, k, 1, "valid");
    y.dataSync();
    y.dispose();
  });
  await bench.run();

  const hz = new Map(bench.tasks.map((task) => [task.name, task.result && "throughput" in task.result ? task.result.throughput.mean : 0]));
  for (const [name, value] of hz) {
    const goal = name.startsWith("analyze ResNet") ? "≥ 10,000 /s" : name.startsWith("run ") ? "≥ 50,000 /s" : "";
    rows.push({ task: name, figure: perSecond(value), goal, note: "" });
  }
  const runHz = [...hz].find(([name]) => name.startsWith("run "))?.[1];
  const rawHz = [...hz].find(([name]) => name.endsWith("+ dataSync"))?.[1];
  if (runHz && rawHz) {
    rows.push({ task: "run ÷ raw tfjs conv2d + dataSync (time per op)", figure: `${(rawHz / runHz).toFixed(2)}×`, goal: "≤ 2.5×", note: "" });
  }
  if (typeof run === "function") {
    const leaked = tf.memory().numTensors - tensorsBefore;
    rows.push({ task: "tensors left after the benchmarks above", figure: String(leaked), goal: "0", note: "tf.memory().numTensors after − before" });
  }
  x.dispose();
  k.dispose();

  const torchMs = torchResnet50Ms();
  rows.push({
    task: "torchvision resnet50() built and its params counted (PyTorch 1.13, 1 thread)",
    figure: torchMs === null ? "not available (no /usr/bin/python3 with torch)" : `${torchMs.toFixed(0)} ms (${(1000 / torchMs).toFixed(1)} /s)`,
    goal: "",
    note: "for scale",
  });
  return rows;
}

/**
 * Where a server's CPU time went, from V8's `.cpuprofile` files (node --cpu-prof): self time
 * summed by module (a package, or one of our source files) and by function, and the total
 * (inclusive) time of our own functions. Next.js's server chunks are minified: their positions
 * are mapped back to the original sources with the chunks' source maps.
 * `npx tsx bench/profile-summary.ts [--last=<seconds>] [--skip=<seconds>] <dir or file>…`, or at
 * the end of `npm run bench -- load --profile=<dir>` (which keeps the last class size's review
 * cycle only, its warm-up included).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { SourceMap, type SourceMapPayload } from "node:module";
import path from "node:path";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

interface Place {
  owner: string;
  name: string;
}

/** What a source path belongs to: `pkg:<name>` for node_modules, our file otherwise. */
export function ownerOf(source: string): string {
  const clean = source.replace(/^file:\/\//, "");
  const modules = clean.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = clean.slice(modules + "node_modules/".length).split("/");
    return `pkg:${rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  if (clean.startsWith("node:")) return clean;
  const ours = /(?:^|\/)((?:app|lib|scripts|bench)\/.*)$/.exec(clean.replace(/^(\.\.\/)+/, ""));
  return ours?.[1] ?? clean;
}

const maps = new Map<string, SourceMap | null>();

function sourceMapOf(file: string): SourceMap | null {
  if (!maps.has(file)) {
    const mapFile = `${file}.map`;
    let map: SourceMap | null = null;
    if (existsSync(mapFile)) {
      try {
        map = new SourceMap(JSON.parse(readFileSync(mapFile, "utf8")) as SourceMapPayload);
      } catch {
        map = null;
      }
    }
    maps.set(file, map);
  }
  return maps.get(file) ?? null;
}

/** The original place of a call frame: through the chunk's source map when there is one. */
function placeOf(frame: CallFrame): Place {
  const name = frame.functionName || "(anonymous)";
  if (!frame.url) return { owner: "(native / V8)", name };
  const file = frame.url.replace(/^file:\/\//, "");
  // Next.js's server chunks, and the API bundle the launcher loads (scripts/build-api.ts).
  if (/\.next[^/]*\/(server|stride-api)\//.test(file)) {
    const entry = sourceMapOf(file)?.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; originalLine?: number; name?: string } | undefined;
    if (entry?.originalSource) {
      const owner = ownerOf(entry.originalSource.replace(/^.*?\[project\]\//, ""));
      return { owner, name: `${entry.name ?? name} ${owner.startsWith("pkg:") ? "" : `:${(entry.originalLine ?? 0) + 1}`}`.trim() };
    }
  }
  return { owner: ownerOf(file), name };
}

function top(map: Map<string, number>, total: number, count: number) {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => ({ name: name.slice(0, 100), ms: Math.round(us / 1000), share: `${((100 * us) / total).toFixed(1)} %` }));
}

/**
 * Self time by module and function; total time of our functions (each counted once a sample).
 * `lastSeconds` keeps only the samples of the profile's last seconds (the load, not the start-up),
 * ending `skipSeconds` before the profile's end (what ran after the loop of interest).
 */
export function summarise(profile: Profile, { count = 30, lastSeconds, skipSeconds = 0 }: { count?: number; lastSeconds?: number; skipSeconds?: number } = {}) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const places = new Map(profile.nodes.map((node) => [node.id, placeOf(node.callFrame)]));

  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const duration = deltas.reduce((sum, delta) => sum + delta, 0);
  const until = duration - skipSeconds * 1e6;
  const from = lastSeconds === undefined ? -Infinity : until - lastSeconds * 1e6;
  let at = 0;
  for (let i = 0; i < samples.length; i += 1) {
    at += deltas[i] ?? 0;
    if (at >= from && at <= until) self.set(samples[i] as number, (self.get(samples[i] as number) ?? 0) + (deltas[i] ?? 0));
  }

  const modules = new Map<string, number>();
  const functions = new Map<string, number>();
  const ours = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of self) {
    const place = places.get(id);
    if (!place || !byId.has(id)) continue;
    if (place.name === "(idle)") continue;
    busy += us;
    modules.set(place.owner, (modules.get(place.owner) ?? 0) + us);
    const key = `${place.name}  ${place.owner.startsWith("pkg:") || place.owner.startsWith("node:") ? place.owner : ""}`.trim();
    functions.set(key, (functions.get(key) ?? 0) + us);
    // Inclusive: every distinct function of ours on the stack gets the sample once.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const frame = places.get(at);
      if (!frame || !/^(app|lib)\//.test(frame.owner)) continue;
      const label = `${frame.name.replace(/ :\d+$/, "")}  ${frame.owner}`;
      if (seen.has(label)) continue;
      seen.add(label);
      ours.set(label, (ours.get(label) ?? 0) + us);
    }
  }
  return { busyMs: Math.round(busy / 1000), modules: top(modules, busy, count), functions: top(functions, busy, count), ours: top(ours, busy, count) };
}

export async function summariseProfiles(target: string, lastSeconds?: number, skipSeconds = 0) {
  const files = statSync(target).isDirectory() ? readdirSync(target).filter((file) => file.endsWith(".cpuprofile")).map((file) => path.join(target, file)) : [target];
  for (const file of files) {
    const summary = summarise(JSON.parse(readFileSync(file, "utf8")) as Profile, { lastSeconds, skipSeconds });
    // A profile of a worker thread or of nothing much is not worth printing.
    if (summary.busyMs < 1000) continue;
    const window = lastSeconds ? ` in ${lastSeconds} s${skipSeconds ? ` ending ${skipSeconds.toFixed(1)} s before its end` : " at its end"}` : "";
    console.log(`\n${file}: ${summary.busyMs} ms of CPU${window} (idle left out); shares are of that`);
    console.log("self time by module:");
    console.table(summary.modules);
    console.log("self time by function:");
    console.table(summary.functions);
    console.log("total time of our functions (callees included):");
    console.table(summary.ours);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const last = process.argv.find((arg) => arg.startsWith("--last="));
  const skip = process.argv.find((arg) => arg.startsWith("--skip="));
  for (const target of process.argv.slice(2).filter((arg) => !arg.startsWith("--"))) {
    await summariseProfiles(target, last ? Number(last.slice("--last=".length)) : undefined, skip ? Number(skip.slice("--skip=".length)) : 0);
  }
}

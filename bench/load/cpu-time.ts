/**
 * Where the machine's CPU went during a loop: the app's processes, PostgreSQL's, and the load
 * generator's (this process), read from /proc (Linux; null elsewhere). The goals count the load
 * generator in ("this 2-core machine, load generator included"), so the bench says how much of
 * the two cores it took: a graded answer per second costs the generator a key computed from the
 * seed as well as the server's work.
 */
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";

// USER_HZ: 100 on every Linux kernel Node supports on x86-64 and arm64.
const TICKS_PER_SECOND = 100;

interface ProcessTime {
  name: string;
  group: number;
  seconds: number;
}

function processTime(pid: string): ProcessTime | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = stat.lastIndexOf(")");
    const name = stat.slice(stat.indexOf("(") + 1, close);
    // After the name: state, ppid, pgrp, session, tty, tpgid, flags, minflt, cminflt, majflt, cmajflt, utime, stime.
    const fields = stat.slice(close + 2).split(" ");
    return { name, group: Number(fields[2]), seconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
  } catch {
    // The process ended between the listing and the read.
    return null;
  }
}

export interface CpuSnapshot {
  at: number;
  app: number;
  postgres: number;
  generator: number;
}

/** CPU seconds so far of the app's process groups, of every `postgres` process, and of this process. */
export function cpuSnapshot(appGroups: readonly number[]): CpuSnapshot | null {
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((entry) => /^\d+$/.test(entry));
  } catch {
    return null;
  }
  let app = 0;
  let postgres = 0;
  for (const pid of entries) {
    const time = processTime(pid);
    if (!time) continue;
    if (appGroups.includes(time.group)) app += time.seconds;
    else if (time.name === "postgres") postgres += time.seconds;
  }
  const own = process.cpuUsage();
  return { at: performance.now(), app, postgres, generator: (own.user + own.system) / 1e6 };
}

/** Each one's share of the machine's cores between two snapshots, and what was left idle (or taken by others). */
export function cpuShares(before: CpuSnapshot | null, after: CpuSnapshot | null): string {
  if (!before || !after) return "";
  const available = ((after.at - before.at) / 1000) * os.availableParallelism();
  const share = (seconds: number) => `${Math.round((100 * seconds) / available)} %`;
  const app = after.app - before.app;
  const postgres = after.postgres - before.postgres;
  const generator = after.generator - before.generator;
  return `app ${share(app)}, postgres ${share(postgres)}, generator ${share(generator)}, rest ${share(Math.max(0, available - app - postgres - generator))}`;
}

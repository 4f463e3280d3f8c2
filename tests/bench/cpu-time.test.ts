import { spawn } from "node:child_process";
import os from "node:os";
import { describe, expect, it } from "vitest";
import { cpuShares, cpuSnapshot } from "@/bench/load/cpu-time";

describe("cpuShares", () => {
  it("gives each one's share of all the cores over the interval, and what is left", () => {
    const cores = os.availableParallelism();
    const before = { at: 0, app: 10, postgres: 5, generator: 1 };
    // Over 2 s: the app took 1 core-second per core, PostgreSQL a quarter of that, the generator a tenth.
    const after = { at: 2000, app: 10 + cores, postgres: 5 + cores / 4, generator: 1 + cores / 10 };
    expect(cpuShares(before, after)).toBe("app 50 %, postgres 13 %, generator 5 %, rest 33 %");
    expect(cpuShares(null, after)).toBe("");
  });
});

describe("cpuSnapshot", () => {
  it.runIf(process.platform === "linux")("counts a process group's CPU and this process's own", async () => {
    const child = spawn(process.execPath, ["-e", "const end = Date.now() + 400; while (Date.now() < end);"], { detached: true, stdio: "ignore" });
    await new Promise((resolve) => child.once("exit", resolve));
    // The group's processes have exited: nothing of theirs is left to count.
    expect(cpuSnapshot([child.pid!])!.app).toBe(0);
    const busy = spawn(process.execPath, ["-e", "const end = Date.now() + 600; while (Date.now() < end); setTimeout(() => {}, 2000);"], { detached: true, stdio: "ignore" });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const snapshot = cpuSnapshot([busy.pid!])!;
    busy.kill();
    expect(snapshot.app).toBeGreaterThanOrEqual(0.3);
    expect(snapshot.generator).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from "vitest";
import type { CliIo } from "@/lib/cli/io";
import { runCli } from "@/lib/cli/main";

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: async (text) => void out.push(text),
    err: (line) => void err.push(line),
    readStdin: async () => "",
    stdinLines: async function* () {},
    readFile: async () => "",
  };
  return { io, out, err };
}

// The backup itself: tests/integration/backup.test.ts.
describe("stride db", () => {
  it("lists backup and restore in --help", async () => {
    const { io, out } = captureIo();
    expect(await runCli(["--help"], io)).toBe(0);
    expect(out.join("")).toContain("stride db backup FILE");
    expect(out.join("")).toContain("stride db restore FILE");
  });

  it("exits 2 with one line when the FILE is missing or the command unknown", async () => {
    for (const [argv, message] of [
      [["db", "backup"], "db backup: give the FILE"],
      [["db", "restore"], "db restore: give the backup FILE"],
      [["db", "vacuum"], 'unknown command "db vacuum"'],
    ] as const) {
      const { io, err } = captureIo();
      expect(await runCli([...argv], io)).toBe(2);
      expect(err).toHaveLength(1);
      expect(err[0]).toContain(message);
    }
  });
});

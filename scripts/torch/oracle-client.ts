import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

/**
 * The PyTorch oracle (scripts/torch/oracle.py) as a child process: one JSON request a line in,
 * one JSON answer a line out, in order. Debian's python3-torch lives under /usr/bin/python3, not
 * under a pyenv `python3` that may come first on PATH (ENVIRONMENT.md).
 */
export const SYSTEM_PYTHON = process.env.STRIDE_TORCH_PYTHON ?? "/usr/bin/python3";
const ORACLE = fileURLToPath(new URL("./oracle.py", import.meta.url));

export type OracleRequest = { spec: unknown } | { op: unknown } | { zoo: string };
export type OracleAnswer = Record<string, unknown> & { error?: string };

export interface Oracle {
  /** Answers in the order of the requests. */
  ask(requests: OracleRequest[]): Promise<OracleAnswer[]>;
  close(): Promise<void>;
}

export function torchAvailable(): boolean {
  return existsSync(SYSTEM_PYTHON);
}

export function startOracle(): Oracle {
  const child: ChildProcessWithoutNullStreams = spawn(SYSTEM_PYTHON, [ORACLE], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const lines = createInterface({ input: child.stdout, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));

  return {
    async ask(requests) {
      // Written all at once: Node buffers what the pipe cannot take yet, while we read the answers.
      child.stdin.write(requests.map((request) => `${JSON.stringify(request)}\n`).join(""));
      const answers: OracleAnswer[] = [];
      for (let i = 0; i < requests.length; i++) {
        const next = await lines.next();
        if (next.done) throw new Error(`the torch oracle stopped after ${answers.length} answers: ${stderr.trim().split("\n").slice(-3).join(" | ")}`);
        answers.push(JSON.parse(next.value) as OracleAnswer);
      }
      return answers;
    },
    async close() {
      child.stdin.end();
      await exited;
    },
  };
}

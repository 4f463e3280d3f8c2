import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";

/** The CLI's streams, injectable so that commands do not reach for `process` themselves. */
export interface CliIo {
  /** Writes text to stdout, waiting when the pipe is full. */
  out(text: string): Promise<void>;
  /** Writes a line to stderr. */
  err(line: string): void;
  /** The whole of stdin. */
  readStdin(): Promise<string>;
  /** stdin line by line, as it arrives. */
  stdinLines(): AsyncIterable<string>;
  readFile(path: string): Promise<string>;
}

export function processIo(): CliIo {
  // A reader that stops early (`| head`) closes the pipe: stop quietly, as Unix tools do.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  return {
    out: (text) =>
      new Promise((resolve) => {
        if (process.stdout.write(text)) resolve();
        else process.stdout.once("drain", () => resolve());
      }),
    err: (line) => {
      process.stderr.write(`${line}\n`);
    },
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
      return Buffer.concat(chunks).toString("utf8");
    },
    stdinLines: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
    readFile: (path) => readFile(path, "utf8"),
  };
}

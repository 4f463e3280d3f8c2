/**
 * The embedded database (./embedded.ts) on a thread of its own. PGlite is Postgres compiled to
 * WebAssembly: every statement runs on the thread that opened it. In `npm start`'s process that
 * was the request thread, so each query of a request's took its turn with the HTTP handling of
 * every other request (issue 11's load bench on PGlite: the API's floor at half of PostgreSQL's).
 * Here it runs beside the request thread; the app still reaches it over the loopback socket, so
 * nothing else changes. Not in lib/db's index: the CLI's bundle opens the database in-process.
 */
import { Worker } from "node:worker_threads";
import type { EmbeddedPostgres, EmbeddedPostgresOptions } from "./embedded";
import type { ThreadMessage } from "./embedded-thread-entry";

export interface EmbeddedThreadOptions extends EmbeddedPostgresOptions {
  /** Called when the thread ends without being asked to close (the database is gone). */
  onExit?: (error: Error) => void;
}

export async function startEmbeddedPostgresThread({ onExit, ...options }: EmbeddedThreadOptions): Promise<EmbeddedPostgres> {
  // Loaded from source through tsx, as the launcher itself is.
  const worker = new Worker(new URL("./embedded-thread-boot.cjs", import.meta.url), { workerData: options, execArgv: ["--import", "tsx"] });
  let closing: Promise<void> | undefined;

  const url = await new Promise<string>((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    worker.once("error", failed);
    worker.once("exit", (code) => failed(new Error(`the embedded database's thread exited (code ${code}) before it opened`)));
    worker.once("message", (message: ThreadMessage) => {
      worker.off("error", failed);
      worker.removeAllListeners("exit");
      if (message.kind === "ready") resolve(message.url);
      else if (message.kind === "failed") reject(Object.assign(new Error(message.message), message.stack ? { stack: message.stack } : {}));
    });
  });

  worker.on("error", (error) => {
    if (!closing) onExit?.(error);
  });
  worker.on("exit", (code) => {
    if (!closing) onExit?.(new Error(`the embedded database's thread exited (code ${code})`));
  });

  return {
    url,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        worker.on("message", (message: ThreadMessage) => {
          if (message.kind === "closed") resolve();
          else if (message.kind === "failed") reject(new Error(message.message));
        });
        worker.once("exit", () => resolve());
        worker.postMessage("close");
      });
      return closing;
    },
  };
}

/**
 * The worker thread of ./embedded-thread.ts: opens the embedded database here, answers its
 * address, and closes it (a checkpoint) when asked, then lets the thread end.
 */
import { parentPort, workerData } from "node:worker_threads";
import { type EmbeddedPostgresOptions, startEmbeddedPostgres } from "./embedded";

export type ThreadMessage = { kind: "ready"; url: string } | { kind: "failed"; message: string; stack?: string } | { kind: "closed" };

const port = parentPort!;
const send = (message: ThreadMessage) => port.postMessage(message);

async function serve(): Promise<void> {
  try {
    const embedded = await startEmbeddedPostgres(workerData as EmbeddedPostgresOptions);
    port.on("message", (message: unknown) => {
      if (message !== "close") return;
      void embedded.close().then(
        () => {
          send({ kind: "closed" });
          port.close();
        },
        (error: unknown) => send({ kind: "failed", message: String(error) }),
      );
    });
    send({ kind: "ready", url: embedded.url });
  } catch (error) {
    send({ kind: "failed", message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined });
    port.close();
  }
}

void serve();

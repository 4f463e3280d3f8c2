/**
 * The embedded database on a thread of its own (lib/db/embedded-thread.ts), as `npm start` opens
 * it: reached over its socket like the in-process one, its rows kept across close and reopen, its
 * data directory still locked, and its statements run off the thread that opened it.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db";
import { startEmbeddedPostgresThread } from "@/lib/db/embedded-thread";

describe("the embedded database on its own thread", () => {
  const scratch: string[] = [];
  async function scratchDir(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), "stride-pglite-thread-"));
    scratch.push(dir);
    return join(dir, "data");
  }

  afterAll(async () => {
    await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it("serves SQL over its socket and keeps its rows once closed", async () => {
    const dataDir = await scratchDir();
    const exits: Error[] = [];
    const threaded = await startEmbeddedPostgresThread({ dataDir, onExit: (error) => exits.push(error) });
    const client = new pg.Client(threaded.url);
    await client.connect();
    await client.query("CREATE TABLE notes (body text)");
    await client.query("INSERT INTO notes VALUES ('kept'), ('also kept')");
    await client.end();
    await threaded.close();
    // Closing is asked for, not a failure.
    expect(exits).toEqual([]);

    const reopened = await startEmbeddedPostgres({ dataDir });
    const reader = new pg.Client(reopened.url);
    try {
      await reader.connect();
      const { rows } = await reader.query("SELECT body FROM notes ORDER BY body");
      expect(rows.map((row: { body: string }) => row.body)).toEqual(["also kept", "kept"]);
    } finally {
      await reader.end();
      await reopened.close();
    }
  });

  it("holds its data directory's lock: a second opening is refused with the reason", async () => {
    const dataDir = await scratchDir();
    const threaded = await startEmbeddedPostgresThread({ dataDir });
    try {
      await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(/in use by process/);
      await expect(startEmbeddedPostgresThread({ dataDir })).rejects.toThrow(/in use by process/);
    } finally {
      await threaded.close();
    }
  });

  it("keeps this thread free while a statement runs: timers fire all through a long query", async () => {
    const threaded = await startEmbeddedPostgresThread({ dataDir: "memory://" });
    const client = new pg.Client(threaded.url);
    try {
      await client.connect();
      const marks = [performance.now()];
      const timer = setInterval(() => marks.push(performance.now()), 20);
      await client.query("SELECT count(*) FROM generate_series(1, 3000000)");
      clearInterval(timer);
      marks.push(performance.now());
      const elapsed = marks.at(-1)! - marks[0]!;
      const longestGap = Math.max(...marks.slice(1).map((mark, i) => mark - marks[i]!));
      // In-process, WebAssembly holds this thread for the whole statement: one gap as long as the query.
      expect(elapsed).toBeGreaterThan(200);
      expect(longestGap).toBeLessThan(elapsed / 2);
    } finally {
      await client.end();
      await threaded.close();
    }
  });
});

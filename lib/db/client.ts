/**
 * The Prisma client, connected through the official `pg` driver adapter to either the embedded
 * PGlite (over its socket, see ./embedded.ts) or a PostgreSQL server.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg, { type PoolConfig } from "pg";
import { registerDirectPool } from "./direct-query";
import { PrismaClient } from "./generated/client";

export type DatabaseKind = "pglite" | "postgres";

export type DatabaseConnection = { url: string; kind: DatabaseKind };

/**
 * Pool settings per kind. PGlite is one backend that runs one message at a time and lets only
 * the connection inside a transaction proceed, so more than one pooled connection buys nothing
 * and risks a deadlock (./embedded.ts). A PostgreSQL server is shared by several stateless app
 * processes (DESIGN.md, "Scale"), so each keeps a modest pool.
 */
export function poolConfig({ url, kind }: DatabaseConnection): PoolConfig {
  const common = { connectionString: url, connectionTimeoutMillis: 10_000 };
  return kind === "pglite"
    ? { ...common, max: 1, idleTimeoutMillis: 0 }
    : { ...common, max: 10, idleTimeoutMillis: 30_000 };
}

/** A client whose pool also carries the review cycle's direct statements (./direct-query.ts); `$disconnect` ends the pool. */
export function createPrismaClient(connection: DatabaseConnection): PrismaClient {
  const pool = new pg.Pool(poolConfig(connection));
  // An idle connection that fails (the server restarted, the database was dropped) is dropped by
  // the pool, and the next query opens another. Prisma listens for this only once it has
  // connected; without a listener from the start the error would end the process.
  pool.on("error", () => undefined);
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  registerDirectPool(client, pool, connection.kind);
  return client;
}

/** True when the database answers `SELECT 1` within `timeoutMs` (for health checks). */
export async function checkDatabase(prisma: PrismaClient, timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const query = prisma.$queryRaw`SELECT 1`.then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

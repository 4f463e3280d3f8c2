/**
 * The review cycle's few statements sent straight through the `pg` pool under Prisma's driver
 * adapter. Every review.next and review.submit runs them, and under a class's load Prisma's own
 * work for a statement (building the query plan of a raw query, mapping arguments and rows:
 * 90–180 µs of CPU against 30–50 µs through `pg`) was an eighth of the request thread
 * (docs/BENCHMARKS.md, issue 11's sixth round). The statements are also prepared once per
 * connection (named), so the database parses and plans them once.
 *
 * A client that was not made by `createPrismaClient` (a transaction's client, a test's own) has
 * no pool here: its statements go through `$queryRawUnsafe`, with the same rows.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { DatabaseKind } from "./client";
import type { PrismaClient } from "./generated/client";

/** A statement with a name that is unique in the process: its prepared statement's name (on the embedded database, with the connection's tag). */
export interface DirectStatement {
  name: string;
  text: string;
}

interface DirectPool {
  pool: pg.Pool;
  kind: DatabaseKind;
}

const pools = new WeakMap<object, DirectPool>();

/** Called by `createPrismaClient` for the pool its adapter uses. */
export function registerDirectPool(client: PrismaClient, pool: pg.Pool, kind: DatabaseKind): void {
  pools.set(client, { pool, kind });
}

const TIMESTAMP_OID = 1114;

// Stride keeps UTC in `timestamp(3)` columns (as Prisma does); `pg` would read them as local time.
const utcTimestamp = (text: string) => new Date(`${text.replace(" ", "T")}Z`);

const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID && format !== "binary" ? utcTimestamp : pg.types.getTypeParser(oid, format ?? "text")) as typeof pg.types.getTypeParser,
};

/**
 * A Date as the text of a UTC instant: a `timestamp(3)` parameter keeps its UTC wall time
 * (`pg` would send the machine's local time with an offset, which such a column ignores).
 */
function parameterOf(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

// The embedded database is one backend shared by every connection (lib/db/embedded.ts): a name
// prepared by one connection is taken for all, and a connection opened later (after the first
// dropped) would prepare it again and be refused. There each connection's names are its own.
const processTag = randomBytes(4).toString("hex");
let connectionsSeen = 0;
const connectionTags = new WeakMap<pg.PoolClient, string>();

function connectionTag(client: pg.PoolClient): string {
  let tag = connectionTags.get(client);
  if (tag === undefined) {
    connectionsSeen += 1;
    tag = `${processTag}_${connectionsSeen}`;
    connectionTags.set(client, tag);
  }
  return tag;
}

/** The rows of `statement` run with `values` ($1, $2, … in its text). */
export async function directQuery<Row>(db: PrismaClient, statement: DirectStatement, values: readonly unknown[]): Promise<Row[]> {
  const direct = pools.get(db);
  if (!direct) return db.$queryRawUnsafe<Row[]>(statement.text, ...values);
  const config: pg.QueryConfig = { text: statement.text, values: values.map(parameterOf), types };
  if (direct.kind === "postgres") return (await direct.pool.query({ ...config, name: statement.name })).rows as Row[];
  const client = await direct.pool.connect();
  try {
    const rows = (await client.query({ ...config, name: `${statement.name}_${connectionTag(client)}` })).rows as Row[];
    client.release();
    return rows;
  } catch (error) {
    // A statement the database refused leaves the connection good; anything else may not have.
    client.release(error instanceof pg.DatabaseError ? undefined : (error as Error));
    throw error;
  }
}

/**
 * The driver adapter the schema engine runs on: `@prisma/adapter-pg` with two repairs, both
 * needed by the engine and not by the app's queries (@prisma/adapter-pg 7.10).
 *
 * 1. `executeScript` splits a script on every ";" and runs the pieces one by one, which breaks a
 *    function body (`$$ … ; … $$`), a ";" inside a comment or string, and atomicity. We send the
 *    whole migration as one simple-protocol query instead, as the native engine does: Postgres
 *    parses it properly and runs it as one implicit transaction, so a failing migration leaves
 *    nothing half-applied.
 * 2. Describing a database (./diff-migrations.ts) reads catalogue columns of the internal
 *    one-byte type `"char"` (OID 18: pg_constraint.contype, pg_class.relkind, …). The adapter
 *    does not map that type ("Column type 'char' could not be deserialized") and the engine's
 *    describer insists on reading them as characters (it panics on text). So the `pg` client
 *    below relabels them as text, which lets the adapter through (`pg` hands the value over as a
 *    one-character string either way), and remembers which columns they were; the wrapper then
 *    reports them to the engine as `Character`.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlQueryable,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import pg from "pg";

const CHAR_OID = 18;
const TEXT_OID = 25;

/** Result rows (the same array object reaches the adapter's result set) → their `"char"` columns. */
const charColumnsOfRows = new WeakMap<object, number[]>();

type QueryCallback = (error: Error | null, result?: pg.QueryResult) => void;

function relabelCharColumns(result: pg.QueryResult): pg.QueryResult {
  const charColumns: number[] = [];
  (result.fields ?? []).forEach((field, index) => {
    if (field.dataTypeID === CHAR_OID) {
      field.dataTypeID = TEXT_OID;
      charColumns.push(index);
    }
  });
  if (charColumns.length > 0 && result.rows) charColumnsOfRows.set(result.rows, charColumns);
  return result;
}

class CharRelabellingClient extends pg.Client {
  // pg.Pool calls query(text, values, callback); the driver adapter calls query(config) and
  // awaits the promise. Both go through the promise.
  override query(...args: unknown[]): never {
    const callback = typeof args.at(-1) === "function" ? (args.pop() as QueryCallback) : undefined;
    const result = (super.query as (...rest: unknown[]) => Promise<pg.QueryResult>)(...args).then(relabelCharColumns);
    if (!callback) return result as never;
    result.then(
      (value) => callback(null, value),
      (error: Error) => callback(error),
    );
    return undefined as never;
  }
}

async function queryWithCharColumns(queryable: SqlQueryable, query: SqlQuery): Promise<SqlResultSet> {
  const resultSet = await queryable.queryRaw(query);
  for (const index of charColumnsOfRows.get(resultSet.rows) ?? []) {
    resultSet.columnTypes[index] = ColumnTypeEnum.Character;
  }
  return resultSet;
}

function withCharColumns<T extends SqlQueryable>(queryable: T): T {
  const queryRaw = (query: SqlQuery) => queryWithCharColumns(queryable, query);
  return Object.assign(Object.create(queryable) as T, { queryRaw });
}

async function executeWholeScript(pool: pg.Pool, script: string): Promise<void> {
  try {
    await pool.query(script);
  } catch (error) {
    if (!(error instanceof pg.DatabaseError)) throw error;
    throw new DriverAdapterError({
      kind: "postgres",
      code: error.code ?? "",
      severity: error.severity ?? "ERROR",
      message: error.message,
      detail: error.detail,
      column: error.column,
      hint: error.hint,
    });
  }
}

/**
 * Connects to `url` with one connection: the engine runs its statements one after another, and
 * on PGlite a second connection would only queue behind the first (./embedded.ts).
 */
export async function connectEngineAdapter(url: string): Promise<SqlDriverAdapter> {
  const adapter = await new PrismaPg({ connectionString: url, max: 1, Client: CharRelabellingClient }).connect();
  const pool = adapter.underlyingDriver();
  const startTransaction = adapter.startTransaction.bind(adapter);
  return Object.assign(withCharColumns(adapter), {
    executeScript: (script: string) => executeWholeScript(pool, script),
    startTransaction: async (...args: Parameters<SqlDriverAdapter["startTransaction"]>): Promise<Transaction> =>
      withCharColumns(await startTransaction(...args)),
  });
}

/** An engine adapter factory for `url`; `connectToShadowDb` only where a command needs one. */
export function engineAdapterFactory(
  url: string,
  connectToShadowDb: () => Promise<SqlDriverAdapter> = () => {
    throw new Error("This command has no shadow database.");
  },
): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectEngineAdapter(url),
    connectToShadowDb,
  };
}

/**
 * A `pg` client for the schema engine when it describes a database (the shadow databases of
 * ./diff-migrations.ts). Postgres's catalogue returns columns of the internal one-byte type
 * `"char"` (OID 18: pg_class.relkind, pg_constraint.contype, …), which `@prisma/adapter-pg` 7.10
 * does not map ("Column type 'char' could not be deserialized"). `pg` already hands such a value
 * over as a one-character string, so relabelling the column as `text` is exact.
 */
import pg from "pg";

const CHAR_OID = 18;
const TEXT_OID = 25;

type QueryCallback = (error: Error | null, result?: pg.QueryResult) => void;

function relabelChar<T>(result: T): T {
  for (const field of (result as Partial<pg.QueryResult>).fields ?? []) {
    if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  }
  return result;
}

export class IntrospectionClient extends pg.Client {
  // pg.Pool calls query(text, values, callback); the driver adapter calls query(config) and
  // awaits the promise. Both forms go through the promise and are relabelled.
  override query(...args: unknown[]): never {
    const callback = typeof args.at(-1) === "function" ? (args.pop() as QueryCallback) : undefined;
    const result = (super.query as (...rest: unknown[]) => Promise<pg.QueryResult>)(...args).then(relabelChar);
    if (!callback) return result as never;
    result.then(
      (value) => callback(null, value),
      (error: Error) => callback(error),
    );
    return undefined as never;
  }
}

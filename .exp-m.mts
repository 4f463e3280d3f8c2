import { startEmbeddedPostgres } from "./lib/db/embedded";
import { applyMigrations } from "./lib/db/migrate";
const pg = await startEmbeddedPostgres({ dataDir: "memory://" });
let t = performance.now();
console.log(await applyMigrations({ url: pg.url }), performance.now() - t);
t = performance.now();
console.log(await applyMigrations({ url: pg.url }), performance.now() - t);
await pg.close();
console.log("closed");

/**
 * Runs `prisma generate` without the native schema engine: generation does not need that engine,
 * but the Prisma CLI downloads it unless PRISMA_SCHEMA_ENGINE_BINARY names an existing file, and
 * downloads are not possible on our machines (README, "How the database works offline").
 *
 * It skips the work when the client in lib/db/generated was made from the same schema by the same
 * Prisma version: `npm test` builds the app (which generates first) while the integration tests
 * import that client, and a client rewritten under a running test could be read half-written.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const prismaCli = require.resolve("prisma/build/index.js");

const root = path.resolve(import.meta.dirname, "..");
const stamp = path.join(root, "lib/db/generated/.made-from");
const madeFrom = createHash("sha256")
  .update(readFileSync(path.join(root, "prisma/schema.prisma")))
  .update(readFileSync(require.resolve("prisma/package.json")))
  .update(readFileSync(require.resolve("@prisma/client/package.json")))
  .digest("hex");
if (existsSync(path.join(root, "lib/db/generated/client.ts")) && existsSync(stamp) && readFileSync(stamp, "utf8") === madeFrom) {
  console.log("Prisma client is current (lib/db/generated); not generating again.");
  process.exit(0);
}

const result = spawnSync(process.execPath, [prismaCli, "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
if (result.status === 0) writeFileSync(stamp, madeFrom);
process.exit(result.status ?? 1);

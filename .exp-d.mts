import { readFileSync } from "node:fs";
import { diffMigrationsToSchema } from "./lib/db/diff-migrations";
const content = readFileSync("prisma/schema.prisma", "utf8");
let t = performance.now();
const sql = await diffMigrationsToSchema({ migrationsDir: "prisma/migrations", schema: { path: "prisma/schema.prisma", content } });
console.log(sql?.slice(0, 600), performance.now() - t);
t = performance.now();
const sql2 = await diffMigrationsToSchema({ migrationsDir: "prisma/migrations", schema: { path: "prisma/schema.prisma", content } });
console.log(sql2?.slice(0, 300), performance.now() - t);

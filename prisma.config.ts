/**
 * Prisma CLI configuration (Prisma 7 reads connection settings from here, not from the schema).
 * Stride applies migrations itself (lib/db/migrate.ts, WebAssembly schema engine), so this file
 * matters only where the native engine can be downloaded and someone runs `prisma migrate deploy`
 * against DATABASE_URL. With no DATABASE_URL the datasource is left out, which `prisma generate`
 * (scripts/prisma-generate.ts) does not need.
 */
import { defineConfig } from "prisma/config";

const databaseUrl = process.env.DATABASE_URL;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  ...(databaseUrl ? { datasource: { url: databaseUrl } } : {}),
});

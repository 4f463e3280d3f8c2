import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { createPrismaClient } from "@/lib/db";
import type { Services } from "@/lib/server/services";
import packageJson from "@/package.json";
import { createTestDatabase, type TestDatabase } from "./support/database";

const holder = globalThis as typeof globalThis & { strideServices?: Services };

describe("GET /api/health", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
  });
  afterAll(async () => {
    delete holder.strideServices;
    await database?.drop();
  });

  it("answers 200 with the database kind and the version when the database answers", async () => {
    holder.strideServices = { db: database.prisma, dbKind: "pglite", auth: undefined as never };
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, db: "pglite", version: packageJson.version });
  });

  it("answers 503 with ok: false when the database cannot be reached", async () => {
    // Port 1 on the loopback refuses connections at once.
    const unreachable = createPrismaClient({ url: "postgresql://postgres@127.0.0.1:1/postgres", kind: "postgres" });
    holder.strideServices = { db: unreachable, dbKind: "postgres", auth: undefined as never };
    const res = await GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, db: "postgres", version: packageJson.version });
    await unreachable.$disconnect();
  });
});

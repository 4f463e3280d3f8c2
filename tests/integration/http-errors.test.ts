import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleTrpcRequest } from "@/lib/server/edge/trpc-http";
import { createContext, type SessionUser } from "@/lib/server/trpc";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

// The HTTP layer decides the status a browser or a script sees; bad input must be a 4xx with a
// readable message, never a 500 or a stack trace. Requests go through the route's own edge.
describe.each(databaseKinds())("the API over HTTP on %s", (kind) => {
  let database: TestDatabase;
  const instructor: SessionUser = { id: "teacher-http", email: "th@example.com", name: "Teacher", role: "instructor", locale: "en" };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await database.prisma.user.create({ data: { id: instructor.id, email: instructor.email, name: instructor.name, role: "instructor" } });
  });
  afterAll(async () => {
    await database?.drop();
  });

  async function call(path: string, init: { method: "GET" | "POST"; input: unknown; user?: SessionUser | null }) {
    const encoded = encodeURIComponent(JSON.stringify({ json: init.input }));
    const url = init.method === "GET" ? `http://stride.test/api/trpc/${path}?input=${encoded}` : `http://stride.test/api/trpc/${path}`;
    const req = new Request(url, {
      method: init.method,
      headers: { "content-type": "application/json" },
      body: init.method === "POST" ? JSON.stringify({ json: init.input }) : undefined,
    });
    const res = await handleTrpcRequest({
      req,
      createContext: async () => createContext({ db: database.prisma, user: init.user === undefined ? instructor : init.user }),
    });
    const text = await res.text();
    return { status: res.status, text, body: JSON.parse(text) as { error?: { json: { message: string; data: Record<string, unknown> } } } };
  }

  it("answers 400 naming the seed for a seed of -1 or \"abc\"", async () => {
    for (const seed of [-1, "abc", 1.5]) {
      const res = await call("problems.preview", { method: "GET", input: { template: "conv.output-size", seed } });
      expect(res.status).toBe(400);
      expect(res.body.error?.json.message).toContain("seed");
      expect(res.text).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it("answers 400 for an unknown template, naming it", async () => {
    const res = await call("problems.preview", { method: "GET", input: { template: "pooling.nope", seed: 1 } });
    expect(res.status).toBe(400);
    expect(res.body.error?.json.message).toContain("pooling.nope");
  });

  it("answers 400 for an empty or a 1 MB answer, naming the field", async () => {
    const variantId = "00000000-0000-4000-8000-000000000000";
    for (const answer of ["", "x".repeat(1024 * 1024)]) {
      const res = await call("review.submit", { method: "POST", input: { variantId, answer } });
      expect(res.status).toBe(400);
      expect(res.body.error?.json.message).toContain("answer");
    }
  });

  it("answers 401 to a visitor who is not signed in and 404 for a problem never issued", async () => {
    const anonymous = await call("review.next", { method: "POST", input: { practice: false }, user: null });
    expect(anonymous.status).toBe(401);
    const missing = await call("review.submit", { method: "POST", input: { variantId: "00000000-0000-4000-8000-000000000000", answer: "1x2x3" } });
    expect(missing.status).toBe(404);
  });
});

/**
 * The download routes (lib/server/edge/downloads.ts, behind app/api/progress/export and
 * app/api/courses/[courseId]/export): their query parameters and the course id in the path get
 * the input guard's first look (a NUL byte is a 400 naming the parameter), the procedures behind
 * them keep their rules (401 without a session, owners only), and they count against the
 * caller's request limits like any other call (429 with Retry-After).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { courseDownload, type DownloadContext, progressDownload } from "@/lib/server/edge/downloads";
import { createRequestLimiter } from "@/lib/server/rate-limit/request-limiter";
import type { SessionUser } from "@/lib/server/trpc";
import { callerFor, newUser } from "./courses-support";
import { ORIGIN } from "./http-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

describe.each(databaseKinds())("the download routes on %s", (kind) => {
  let database: TestDatabase;
  let instructor: SessionUser;
  let learner: SessionUser;
  let courseId: string;
  let bankId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    instructor = await newUser(database.prisma, "instructor");
    learner = await newUser(database.prisma, "learner");
    const owner = callerFor(database.prisma, instructor);
    courseId = (await owner.courses.create({ title: "CNN basics" })).id;
    bankId = (await owner.banks.create({ courseId, title: "Pooling" })).id;
  });

  afterAll(async () => {
    await database?.drop();
  });

  const context = (user: SessionUser | null, extra: Partial<DownloadContext> = {}): DownloadContext => ({ db: database.prisma, user, ip: null, limiter: null, ...extra });
  const get = (path: string) => new Request(`${ORIGIN}${path}`);

  it("refuses a NUL byte in a query parameter of the history download, naming it", async () => {
    const res = await progressDownload(get("/api/progress/export?format=csv%00"), context(learner));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "format: must not contain a NUL byte" });
  });

  it("refuses a NUL byte in the course id or the bank parameter of a course download", async () => {
    const inPath = await courseDownload(get(`/api/courses/x/export?what=grades`), `${courseId}\u0000`, context(instructor));
    expect(inPath.status).toBe(400);
    expect(await inPath.json()).toEqual({ error: "courseId: must not contain a NUL byte" });
    const inBank = await courseDownload(get(`/api/courses/${courseId}/export?what=bundle&bank=${bankId}%00`), courseId, context(instructor));
    expect(inBank.status).toBe(400);
    expect(await inBank.json()).toEqual({ error: "bank: must not contain a NUL byte" });
  });

  it("answers the owner's files, and 401 or 404 to others, as before", async () => {
    const grades = await courseDownload(get(`/api/courses/${courseId}/export?what=grades`), courseId, context(instructor));
    expect(grades.status).toBe(200);
    expect(grades.headers.get("content-type")).toContain("text/csv");
    const bundle = await courseDownload(get(`/api/courses/${courseId}/export?what=bundle&bank=${bankId}`), courseId, context(instructor));
    expect(bundle.status).toBe(200);
    expect((await courseDownload(get(`/api/courses/${courseId}/export?what=grades`), courseId, context(null))).status).toBe(401);
    const stranger = await newUser(database.prisma, "instructor");
    expect((await courseDownload(get(`/api/courses/${courseId}/export?what=grades`), courseId, context(stranger))).status).toBe(404);
    const anonymous = await progressDownload(get("/api/progress/export"), context(null));
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: "Sign in to export your history." });
    expect((await progressDownload(get("/api/progress/export?format=json"), context(learner))).status).toBe(200);
  });

  it("counts downloads against the caller's limits: 429 with Retry-After past them", async () => {
    // An export costs 5 points: two fit in 10, the third does not.
    const limiter = createRequestLimiter({ db: database.prisma, limits: { windowSeconds: 60, userPoints: 10, ipPoints: 1000, anonymousPoints: 10 } });
    const limited = context(learner, { limiter, ip: "198.51.100.7" });
    expect((await progressDownload(get("/api/progress/export"), limited)).status).toBe(200);
    expect((await progressDownload(get("/api/progress/export"), limited)).status).toBe(200);
    const refused = await progressDownload(get("/api/progress/export"), limited);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });
});

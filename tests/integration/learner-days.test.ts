import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleProblem, type Answer, type Lang } from "@/lib/problems";
import { createAuth } from "@/lib/server/auth/create-auth";
import { previewCourse } from "@/lib/server/courses/preview-course";
import { createCaller } from "@/lib/server/root";
import { sessionUserOf } from "@/lib/server/session";
import { createContext, type SessionUser } from "@/lib/server/trpc";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

/** A key written the way a learner would type it. */
function typed(answer: Answer): string {
  if (answer.kind === "shape") return answer.value.join("x");
  if (answer.kind === "matrix") return JSON.stringify(answer.value);
  if (answer.kind === "choices") return answer.value.join(", ");
  return String(answer.value);
}

describe.each(databaseKinds())("a learner's days in their time zone on %s", (kind) => {
  let database: TestDatabase;
  let clock = new Date();
  let serial = 0;
  const callerFor = (user: SessionUser) => createCaller(createContext({ db: database.prisma, user, now: () => clock }));

  async function learnerIn(timeZone: string | null, dailyNewLimit = 10): Promise<SessionUser> {
    serial += 1;
    const user: SessionUser = { id: `days-${serial}`, email: `days-${serial}@example.com`, name: `Days ${serial}`, role: "learner", locale: "en" };
    await database.prisma.user.create({ data: { id: user.id, email: user.email, name: user.name, timeZone, dailyNewLimit } });
    return user;
  }

  /** Takes the next problem of the queue and answers it right; the status when there was none. */
  async function answerNext(user: SessionUser): Promise<string> {
    const issued = await callerFor(user).review.next();
    if (issued.status !== "issued") return issued.status;
    const variant = await database.prisma.variant.findUniqueOrThrow({ where: { id: issued.variantId } });
    const key = sampleProblem({ template: variant.templateId, seed: variant.seed, lang: variant.lang as Lang }).answer;
    await callerFor(user).review.submit({ variantId: issued.variantId, answer: typed(key) });
    return "answered";
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("starts the next day's new skills at midnight in Shanghai (16:00 UTC), while a UTC learner waits for midnight UTC", async () => {
    const shanghai = await learnerIn("Asia/Shanghai", 2);
    const utc = await learnerIn(null, 2);
    // 2026-03-07 23:30 in Shanghai, 15:30 UTC.
    clock = new Date("2026-03-07T15:30:00Z");
    for (const user of [shanghai, utc]) {
      expect(await answerNext(user)).toBe("answered");
      expect(await answerNext(user)).toBe("answered");
    }
    // Both have met their limit; cards answered right are not due again within the hour.
    clock = new Date("2026-03-07T15:59:00Z");
    for (const user of [shanghai, utc]) {
      const waiting = await callerFor(user).review.next();
      expect(waiting).toMatchObject({ status: "caught-up", newToday: 2, dailyNewLimit: 2, today: { reviewed: 2, newLeft: 0 } });
    }
    // 00:05 on the 8th in Shanghai, still 16:05 on the 7th in UTC.
    clock = new Date("2026-03-07T16:05:00Z");
    const fresh = await callerFor(shanghai).review.next();
    expect(fresh).toMatchObject({ status: "issued", card: { reps: 0 }, today: { reviewed: 0 } });
    if (fresh.status !== "issued") return;
    // The new card is the first of today's two: it and one more are left.
    expect(fresh.today.newLeft).toBe(2);
    expect(await callerFor(utc).review.next()).toMatchObject({ status: "caught-up", newToday: 2, today: { reviewed: 2 } });
  });

  it("counts today's reviews from the server, so a reload keeps the count, and an undone review leaves it", async () => {
    const user = await learnerIn("Pacific/Kiritimati", 5);
    // From 2026-03-08 09:30 UTC, 23:30 on the 8th in Kiritimati (UTC+14), a minute apart.
    for (let turn = 0; turn < 3; turn += 1) {
      clock = new Date(Date.parse("2026-03-08T09:30:00Z") + turn * 60_000);
      expect(await answerNext(user)).toBe("answered");
    }
    const reloaded = await callerFor(user).review.next();
    expect(reloaded).toMatchObject({ today: { reviewed: 3 } });
    const latest = await database.prisma.review.findFirstOrThrow({ where: { userId: user.id }, orderBy: { reviewedAt: "desc" } });
    await callerFor(user).review.undo({ reviewId: latest.id });
    expect(await callerFor(user).review.next()).toMatchObject({ today: { reviewed: 2 } });
    // 10:00 UTC: midnight in Kiritimati, a new day with nothing reviewed yet.
    clock = new Date("2026-03-08T10:00:00Z");
    expect(await callerFor(user).review.next()).toMatchObject({ today: { reviewed: 0 } });
  });

  it("draws the streak, the heatmap and today's due count in the learner's day across the date line", async () => {
    const kiritimati = await learnerIn("Pacific/Kiritimati");
    const pagoPago = await learnerIn("Pacific/Pago_Pago");
    // Three reviews at the same instants for both: 2026-03-06 11:00, 2026-03-07 09:00 and 11:00 UTC.
    // Kiritimati (UTC+14): 03-07 01:00, 03-07 23:00, 03-08 01:00. Pago Pago (UTC−11): 03-06 00:00, 03-06 22:00, 03-07 00:00.
    const instants = ["2026-03-06T11:00:00Z", "2026-03-07T09:00:00Z", "2026-03-07T11:00:00Z"];
    for (const user of [kiritimati, pagoPago]) {
      for (const [index, iso] of instants.entries()) {
        const reviewedAt = new Date(iso);
        const variant = await database.prisma.variant.create({
          data: { userId: user.id, mode: "review", templateId: "conv.output-size", seed: index, lang: "en", issuedAt: reviewedAt, answeredAt: reviewedAt },
        });
        await database.prisma.review.create({
          data: { variantId: variant.id, userId: user.id, mode: "review", templateId: "conv.output-size", seed: index, lang: "en", answer: "1", score: 1, correct: true, rating: 3, suggestedRating: 3, elapsedMs: 1000, reviewedAt },
        });
      }
      // Due 2026-03-08 10:30 UTC: 03-09 00:30 in Kiritimati (tomorrow), 03-07 23:30 in Pago Pago (today).
      await database.prisma.card.create({
        data: { userId: user.id, templateId: "conv.output-size", state: 2, stability: 3, difficulty: 5, reps: 3, due: new Date("2026-03-08T10:30:00Z"), lastReview: new Date(instants[2]!) },
      });
    }
    // 2026-03-08 02:00 UTC: 16:00 on 03-08 in Kiritimati, 15:00 on 03-07 in Pago Pago.
    clock = new Date("2026-03-08T02:00:00Z");
    const there = await callerFor(kiritimati).progress.get({});
    const here = await callerFor(pagoPago).progress.get({});
    expect(there.timeZone).toBe("Pacific/Kiritimati");
    const activeDays = (progress: typeof there) => progress.heatmap.filter((day) => day.reviews > 0).map((day) => [day.day, day.reviews]);
    expect(activeDays(there)).toEqual([["2026-03-07", 2], ["2026-03-08", 1]]);
    expect(activeDays(here)).toEqual([["2026-03-06", 2], ["2026-03-07", 1]]);
    // Both reviewed yesterday and today: a streak of 2 in each zone, on different dates.
    expect(there.streak).toEqual({ current: 2, longest: 2 });
    expect(here.streak).toEqual({ current: 2, longest: 2 });
    expect(there.heatmap.at(-1)?.day).toBe("2026-03-08");
    expect(here.heatmap.at(-1)?.day).toBe("2026-03-07");
    expect(there.totals.dueToday).toBe(0);
    expect(here.totals.dueToday).toBe(1);
  });

  it("follows a DST change: New York's 2026-03-08 is 23 hours long, and the 9th starts at 04:00 UTC, not 05:00", async () => {
    const user = await learnerIn("America/New_York");
    // 04:30 UTC is 23:30 EST on the 7th; 05:30 UTC is 00:30 EST on the 8th; 03:00 UTC on the 9th is 23:00 EDT on the 8th.
    for (const [index, iso] of ["2026-03-08T04:30:00Z", "2026-03-08T05:30:00Z", "2026-03-09T03:00:00Z"].entries()) {
      const reviewedAt = new Date(iso);
      const variant = await database.prisma.variant.create({
        data: { userId: user.id, mode: "review", templateId: "conv.output-size", seed: index, lang: "en", issuedAt: reviewedAt, answeredAt: reviewedAt },
      });
      await database.prisma.review.create({
        data: { variantId: variant.id, userId: user.id, mode: "review", templateId: "conv.output-size", seed: index, lang: "en", answer: "1", score: 1, correct: true, rating: 3, suggestedRating: 3, elapsedMs: 1000, reviewedAt },
      });
    }
    // 23:30 EDT on the 8th: two of the three are today's.
    clock = new Date("2026-03-09T03:30:00Z");
    expect(await callerFor(user).review.next()).toMatchObject({ today: { reviewed: 2 } });
    // 00:30 EDT on the 9th (a fixed UTC−5 would still say 23:30 on the 8th): a new day.
    clock = new Date("2026-03-09T04:30:00Z");
    expect(await callerFor(user).review.next()).toMatchObject({ today: { reviewed: 0 } });
    const progress = await callerFor(user).progress.get({});
    expect(progress.heatmap.filter((day) => day.reviews > 0).map((day) => [day.day, day.reviews])).toEqual([["2026-03-07", 1], ["2026-03-08", 2]]);
    expect(progress.heatmap.at(-1)?.day).toBe("2026-03-09");
    // Reviews on the 7th and the 8th, none yet on the 9th: the streak is not broken until the 9th is over.
    expect(progress.streak).toEqual({ current: 2, longest: 2 });
  });

  it("takes a zone in Settings in the platform's spelling and refuses offsets and unknown names", async () => {
    const user = await learnerIn(null);
    expect((await callerFor(user).settings.get()).timeZone).toBeNull();
    expect(await callerFor(user).settings.update({ timeZone: "asia/shanghai" })).toMatchObject({ timeZone: "Asia/Shanghai" });
    for (const bad of ["+08:00", "Mars/Olympus_Mons", "x".repeat(101)]) {
      await expect(callerFor(user).settings.update({ timeZone: bad })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/IANA time zone/) });
    }
    expect((await callerFor(user).settings.get()).timeZone).toBe("Asia/Shanghai");
  });

  it("keeps a browser's reported zone only while the learner has none", async () => {
    const user = await learnerIn(null);
    expect(await callerFor(user).settings.reportTimeZone({ timeZone: "Pacific/Pago_Pago" })).toBe(true);
    expect(await callerFor(user).settings.reportTimeZone({ timeZone: "Europe/Paris" })).toBe(false);
    expect((await callerFor(user).settings.get()).timeZone).toBe("Pacific/Pago_Pago");
    await expect(callerFor(user).settings.reportTimeZone({ timeZone: "GMT+8" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("gives a course the zone its owner sets for its deadlines, shown to owners and to a learner about to join", async () => {
    serial += 1;
    const owner: SessionUser = { id: `days-owner-${serial}`, email: `days-owner-${serial}@example.com`, name: "Owner", role: "instructor", locale: "en" };
    await database.prisma.user.create({ data: { id: owner.id, email: owner.email, name: owner.name, role: "instructor" } });
    const course = await callerFor(owner).courses.create({ title: "CNNs, spring" });
    expect((await callerFor(owner).courses.get({ courseId: course.id })).timeZone).toBe("UTC");
    expect(await callerFor(owner).courses.update({ courseId: course.id, timeZone: "asia/shanghai" })).toMatchObject({ timeZone: "Asia/Shanghai" });
    await expect(callerFor(owner).courses.update({ courseId: course.id, timeZone: "UTC+8" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/IANA time zone/) });
    expect((await callerFor(owner).courses.get({ courseId: course.id })).timeZone).toBe("Asia/Shanghai");
    const learner = await learnerIn("Pacific/Pago_Pago");
    const { joinCode } = await database.prisma.course.findUniqueOrThrow({ where: { id: course.id } });
    expect(await previewCourse({ db: database.prisma, userId: learner.id, code: joinCode })).toMatchObject({ timeZone: "Asia/Shanghai" });
    // A learner cannot change it.
    await callerFor(learner).courses.join({ code: joinCode });
    await expect(callerFor(learner).courses.update({ courseId: course.id, timeZone: "Europe/Paris" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("starts a new course in the zone its creator's browser sends, or in UTC for a name the server does not know", async () => {
    serial += 1;
    const owner: SessionUser = { id: `days-creator-${serial}`, email: `days-creator-${serial}@example.com`, name: "Creator", role: "instructor", locale: "en" };
    await database.prisma.user.create({ data: { id: owner.id, email: owner.email, name: owner.name, role: "instructor" } });
    expect(await callerFor(owner).courses.create({ title: "Kiritimati CNNs", timeZone: "pacific/kiritimati" })).toMatchObject({ timeZone: "Pacific/Kiritimati" });
    expect(await callerFor(owner).courses.create({ title: "Somewhere CNNs", timeZone: "Somewhere/Else" })).toMatchObject({ timeZone: "UTC" });
  });

  it("stores the zone the browser sends with the sign-up form, and none for a name it does not know", async () => {
    const auth = createAuth({ prisma: database.prisma, baseURL: "http://stride.test", secret: "a-test-secret-of-at-least-32-characters", signInLimit: 100 });
    const body = (email: string, timeZone: string) => ({ email, password: "a-long-password", name: "New", timeZone }) as never;
    await auth.api.signUpEmail({ body: body("zone-1@example.com", "pacific/kiritimati") });
    await auth.api.signUpEmail({ body: body("zone-2@example.com", "Somewhere/Else") });
    const users = await database.prisma.user.findMany({ where: { email: { in: ["zone-1@example.com", "zone-2@example.com"] } }, orderBy: { email: "asc" } });
    expect(users.map((user) => user.timeZone)).toEqual(["Pacific/Kiritimati", null]);
  });

  it("carries the learner's zone in the session, for the pages to show times in", async () => {
    const base = "http://stride.test";
    const auth = createAuth({ prisma: database.prisma, baseURL: base, secret: "a-test-secret-of-at-least-32-characters", signInLimit: 100 });
    const response = await auth.handler(
      new Request(`${base}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: base },
        body: JSON.stringify({ email: "zone-session@example.com", password: "a-long-password", name: "Zoned", timeZone: "Asia/Shanghai" }),
      }),
    );
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
    expect(await sessionUserOf({ auth, headers: new Headers({ cookie }) })).toMatchObject({ email: "zone-session@example.com", timeZone: "Asia/Shanghai" });
  });
});

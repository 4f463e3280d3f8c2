/**
 * Deep Linking 2.0 from the spec-following test platform into Stride over real HTTP, on both
 * databases: an instructor's LtiDeepLinkingRequest lands on the picker; the choice comes back to
 * the platform as an LtiDeepLinkingResponse verified against Stride's JWKS (an assessment with its
 * line item, the daily review and a bank's practice without one, a cancel with nothing); the
 * placed links launch where they should; learners, other people, tampered and expired picker ids,
 * several items where one is accepted, and an assessment of another course are refused. A first
 * launch from an LMS course that is a deep-linking request offers its instructor the link choice
 * (keep the new course or link one of theirs) before the picker, which then places the chosen
 * course's activities.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCourse } from "@/lib/server/courses/create-course";
import { addPlatform } from "@/lib/server/lti/platforms";
import { browserRequest, parseHtmlForm, role, startTestPlatform, type BrowserResponse, type LaunchOptions, type TestPlatform } from "@/tests/support/lti-platform";
import { startDeepLinkToolServer } from "./lti-deep-link-support";
import { refusalReasonOf } from "./lti-launch-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

const CONTEXT = { id: "dl-course", title: "Convolutions", label: "CNN" };
const TEACHER = { sub: "dl-teacher", name: "Grace Hopper", email: "grace@example.edu", locale: "en-US" };

describe.each(databaseKinds())("LTI deep linking on %s", (kind) => {
  let database: TestDatabase;
  let tool: Awaited<ReturnType<typeof startDeepLinkToolServer>>;
  let platform: TestPlatform;
  let courseId: string;
  let homeworkId: string;
  let draftId: string;
  let bankId: string;
  let otherAssessmentId: string;
  let otherBankId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    tool = await startDeepLinkToolServer(database.prisma);
    platform = await startTestPlatform({ redirectUris: [tool.launchUrl], toolJwksUrl: tool.jwksUrl });
    await addPlatform({
      db: database.prisma,
      allowInsecureLoopback: true,
      input: {
        issuer: platform.issuer,
        clientId: platform.clientId,
        name: "Test LMS",
        authLoginUrl: platform.urls.authorization,
        accessTokenUrl: platform.urls.token,
        jwksUrl: platform.urls.jwks,
        deploymentIds: platform.deploymentIds,
      },
    });
    await launch({ user: TEACHER, roles: [role.instructor], context: CONTEXT });
    courseId = (await database.prisma.ltiContext.findFirstOrThrow({ where: { contextId: CONTEXT.id } })).courseId!;
    const db = database.prisma;
    homeworkId = (
      await db.assessment.create({
        data: { courseId, titleEn: "Homework 1: padding", titleZh: "作业一：填充", kind: "homework", position: 0, publishedAt: new Date(), zones: { create: [{ position: 0, pool: [], draw: 2, points: 5 }] } },
      })
    ).id;
    draftId = (await db.assessment.create({ data: { courseId, titleEn: "Draft exam", kind: "exam", position: 1, zones: { create: [{ position: 0, pool: [], draw: 1, points: 3 }] } } })).id;
    bankId = (await db.bank.create({ data: { courseId, title: "Strides", questions: { create: [{ kind: "fixed", title: "Output size", publishedVersion: 1 }] } } })).id;
    await db.bank.create({ data: { courseId, title: "Empty bank" } });
    const other = await db.course.create({ data: { title: "Another course", joinCode: "OTHERDL1" } });
    otherAssessmentId = (await db.assessment.create({ data: { courseId: other.id, titleEn: "Elsewhere", kind: "homework", publishedAt: new Date() } })).id;
    otherBankId = (await db.bank.create({ data: { courseId: other.id, title: "Elsewhere's bank" } })).id;
  });

  afterAll(async () => {
    await platform?.close();
    await tool?.close();
    await database?.drop();
  });

  function launch(options: Omit<LaunchOptions, "toolLoginUrl" | "targetLinkUri"> & { targetLinkUri?: string }) {
    return platform.launch({ toolLoginUrl: tool.loginUrl, targetLinkUri: tool.launchUrl, ...options });
  }

  /** An instructor's deep-linking launch, followed to the picker. */
  async function openPicker(settings: LaunchOptions["deepLinkingSettings"] = {}, user = TEACHER) {
    const result = await launch({ user, roles: [role.instructor], context: CONTEXT, messageType: "LtiDeepLinkingRequest", deepLinkingSettings: settings });
    expect(result.response.status).toBe(303);
    const picker = await result.follow();
    return { result, picker };
  }

  function pickerIdOf(picker: BrowserResponse): string {
    return new URL(picker.url).searchParams.get("id")!;
  }

  it("sends an instructor's deep-linking launch to the picker, which lists the published assessments with their points, the banks' practice and the daily review", async () => {
    const { picker } = await openPicker();
    expect(picker.status).toBe(200);
    expect(picker.url).toMatch(new RegExp(`^${tool.pickerUrl}\\?id=`));
    expect(picker.body).toContain("Homework 1: padding");
    expect(picker.body).toContain("10 points");
    expect(picker.body).not.toContain("Draft exam");
    expect(picker.body).toContain("Practice: Strides");
    expect(picker.body).not.toContain("Empty bank");
    expect(picker.body).toContain("Daily review");
    expect(picker.body).toContain('type="checkbox"');
    // The settings stay on the server: the page carries only the id.
    expect(picker.body).not.toContain(platform.urls.deepLinkReturn);
  });

  it("places an assessment with its line item in a response the platform verifies against Stride's JWKS, and the placed link opens it", async () => {
    const { result, picker } = await openPicker();
    const answer = await result.submit(picker, { form: { id: "deep-link-picker" }, changes: { "item.0": `assessment:${homeworkId}` } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-security-policy")).toContain(`form-action ${platform.issuer}`);
    expect(answer.body).toContain("Return to the LMS");
    const returned = await result.submit(answer, { form: { id: "deep-link-return" } });
    expect(returned.status).toBe(200);

    const record = platform.deepLinkingResponses.at(-1)!;
    expect(record.problems).toEqual([]);
    expect(record.claims).toMatchObject({
      iss: platform.clientId,
      aud: platform.issuer,
      "https://purl.imsglobal.org/spec/lti/claim/message_type": "LtiDeepLinkingResponse",
      "https://purl.imsglobal.org/spec/lti/claim/version": "1.3.0",
      "https://purl.imsglobal.org/spec/lti/claim/deployment_id": platform.deploymentId,
    });
    expect(record.contentItems).toEqual([
      {
        type: "ltiResourceLink",
        title: "Homework 1: padding",
        text: "Homework · 10 points",
        url: tool.launchUrl,
        custom: { stride_kind: "assessment", stride_target_id: homeworkId },
        lineItem: { scoreMaximum: 10, label: "Homework 1: padding", resourceId: homeworkId, tag: "homework" },
      },
    ]);
    const placed = record.placed[0]!;
    expect(placed.lineItem).toMatchObject({ scoreMaximum: 10, resourceId: homeworkId });

    const learner = await launch({ ...platform.launchOptionsFor(placed), user: { sub: "dl-learner-1", name: "Alan" }, roles: [role.learner] });
    const learnerUser = await database.prisma.ltiUser.findFirstOrThrow({ where: { sub: "dl-learner-1" } });
    expect((await learner.follow()).body).toBe(`page /courses/${courseId}/assessments/${homeworkId} user=${learnerUser.userId}`);
    const teacher = await launch({ ...platform.launchOptionsFor(placed), user: TEACHER, roles: [role.instructor] });
    const teacherUser = await database.prisma.ltiUser.findFirstOrThrow({ where: { sub: TEACHER.sub } });
    expect((await teacher.follow()).body).toBe(`page /teach/${courseId}/assessments/${homeworkId}/edit user=${teacherUser.userId}`);
    expect(await database.prisma.ltiResourceLink.findFirst({ where: { resourceLinkId: placed.resourceLinkId } })).toMatchObject({ kind: "assessment", targetId: homeworkId });

    // Answered once: the same picker cannot answer again.
    const again = await result.submit(picker, { form: { id: "deep-link-picker" }, changes: { "item.0": `assessment:${homeworkId}` } });
    expect(again.status).toBe(401);
    expect(refusalReasonOf(again.body)).toBe("lti.deepLink.unknown");
  });

  it("places the daily review without a line item when the platform takes one item, with radio buttons, and its link opens the learner's review queue", async () => {
    const { result, picker } = await openPicker({ accept_multiple: false });
    expect(picker.body).toContain('type="radio"');
    expect(picker.body).not.toContain('type="checkbox"');
    const answer = await result.submit(picker, { form: { id: "deep-link-picker" }, changes: { item: "review" } });
    await result.submit(answer, { form: { id: "deep-link-return" } });
    const record = platform.deepLinkingResponses.at(-1)!;
    expect(record.problems).toEqual([]);
    expect(record.contentItems).toEqual([{ type: "ltiResourceLink", title: "Daily review", text: "Your spaced-repetition review for today.", url: tool.launchUrl, custom: { stride_kind: "review" } }]);
    expect(record.placed[0]!.lineItem).toBeUndefined();
    const learner = await launch({ ...platform.launchOptionsFor(record.placed[0]!), user: { sub: "dl-learner-2" }, roles: [role.learner] });
    expect((await learner.follow()).body).toMatch(/^page \/review user=/);
  });

  it("places a bank's practice and the daily review together when several are accepted; the practice opens that bank's practice", async () => {
    const { result, picker } = await openPicker({ accept_multiple: true });
    const answer = await result.submit(picker, { form: { id: "deep-link-picker" }, changes: { "item.1": `practice:${bankId}`, "item.2": "review" } });
    await result.submit(answer, { form: { id: "deep-link-return" } });
    const record = platform.deepLinkingResponses.at(-1)!;
    expect(record.problems).toEqual([]);
    expect(record.contentItems.map((item) => item.custom)).toEqual([{ stride_kind: "practice", stride_target_id: bankId }, { stride_kind: "review" }]);
    expect(record.contentItems.every((item) => item.lineItem === undefined)).toBe(true);
    const learner = await launch({ ...platform.launchOptionsFor(record.placed[0]!), user: { sub: "dl-learner-2" }, roles: [role.learner] });
    expect((await learner.follow()).body).toMatch(new RegExp(`^page /practice\\?course=${courseId}&bank=${bankId} user=`));
  });

  it("asks for a new window when the platform shows links only in windows, and leaves out line items the platform does not accept", async () => {
    const { result, picker } = await openPicker({ accept_presentation_document_targets: ["window"], accept_lineitem: false });
    const answer = await result.submit(picker, { form: { id: "deep-link-picker" }, changes: { "item.0": `assessment:${homeworkId}` } });
    await result.submit(answer, { form: { id: "deep-link-return" } });
    const [item] = platform.deepLinkingResponses.at(-1)!.contentItems;
    expect(item).toMatchObject({ window: { targetName: "stride" } });
    expect(item!.lineItem).toBeUndefined();
  });

  it("answers a cancel with a response of no items", async () => {
    const { result, picker } = await openPicker();
    const answer = await result.submit(picker, { form: { id: "deep-link-cancel" } });
    expect(answer.status).toBe(200);
    await result.submit(answer, { form: { id: "deep-link-return" } });
    const record = platform.deepLinkingResponses.at(-1)!;
    expect(record.problems).toEqual([]);
    expect(record.contentItems).toEqual([]);
    expect(record.placed).toEqual([]);
  });

  it("refuses several items where the platform takes one, nothing chosen, and an item of another course, and keeps the request for another try", async () => {
    const { result, picker } = await openPicker({ accept_multiple: false });
    const responses = platform.deepLinkingResponses.length;
    const several = await result.submit(picker, { form: { id: "deep-link-picker" }, changes: { item: "review", "item.3": `assessment:${homeworkId}` } });
    expect(several.status).toBe(400);
    expect(refusalReasonOf(several.body)).toBe("lti.deepLink.multipleNotAccepted");
    const none = await result.submit(picker, { form: { id: "deep-link-picker" } });
    expect(refusalReasonOf(none.body)).toBe("lti.deepLink.nothingChosen");
    for (const value of [`assessment:${otherAssessmentId}`, `assessment:${draftId}`]) {
      const foreign = await result.submit(picker, { form: { id: "deep-link-picker" }, changes: { item: value } });
      expect(refusalReasonOf(foreign.body)).toBe("lti.deepLink.unknownChoice");
    }
    expect(platform.deepLinkingResponses.length).toBe(responses);
    const fine = await result.submit(picker, { form: { id: "deep-link-picker" }, changes: { item: "review" } });
    expect(fine.status).toBe(200);
  });

  it("never shows a learner the picker: their deep-linking launch is refused and makes nothing", async () => {
    const result = await launch({ user: { sub: "dl-sneaky-learner" }, roles: [role.learner], context: CONTEXT, messageType: "LtiDeepLinkingRequest" });
    expect(result.response.status).toBe(403);
    expect(refusalReasonOf(result.response.body)).toBe("lti.launch.deepLinkingNotInstructor");
    expect(result.response.setCookies.some((line) => line.startsWith("better-auth.session_token="))).toBe(false);
    expect(await database.prisma.ltiUser.count({ where: { sub: "dl-sneaky-learner" } })).toBe(0);
  });

  it("refuses the picker to another person, to nobody signed in, and to an owner no longer of the course", async () => {
    const { result, picker } = await openPicker();
    const learner = await launch({ user: { sub: "dl-learner-3" }, roles: [role.learner], context: CONTEXT });
    await learner.follow();
    const asLearner = await browserRequest(learner.jar, picker.url);
    expect(asLearner.status).toBe(403);
    expect(refusalReasonOf(asLearner.body)).toBe("lti.deepLink.otherUser");
    const postedByLearner = await learner.submit(picker, { form: { id: "deep-link-picker" }, changes: { "item.0": "review" } });
    expect(refusalReasonOf(postedByLearner.body)).toBe("lti.deepLink.otherUser");

    const anonymous = await fetch(picker.url);
    expect(anonymous.status).toBe(401);
    expect(refusalReasonOf(await anonymous.text())).toBe("lti.deepLink.notSignedIn");

    const crossSite = await browserRequest(result.jar, `${tool.base}/lti/deep-link/respond`, { method: "POST", form: { id: pickerIdOf(picker), item: "review" }, headers: { origin: "https://evil.example" } });
    expect(crossSite.status).toBe(403);
    expect(refusalReasonOf(crossSite.body)).toBe("lti.deepLink.crossSite");

    const teacher = await database.prisma.ltiUser.findFirstOrThrow({ where: { sub: TEACHER.sub } });
    await database.prisma.courseMember.update({ where: { courseId_userId: { courseId, userId: teacher.userId } }, data: { role: "learner" } });
    try {
      const demoted = await browserRequest(result.jar, picker.url);
      expect(demoted.status).toBe(403);
      expect(refusalReasonOf(demoted.body)).toBe("lti.deepLink.notOwner");
    } finally {
      await database.prisma.courseMember.update({ where: { courseId_userId: { courseId, userId: teacher.userId } }, data: { role: "owner" } });
    }
  });

  it("refuses a tampered or expired picker id, on the page and on submit", async () => {
    const { result, picker } = await openPicker();
    const tamperedUrl = new URL(picker.url);
    tamperedUrl.searchParams.set("id", `${pickerIdOf(picker)}x`);
    const tamperedPage = await browserRequest(result.jar, tamperedUrl.href);
    expect(tamperedPage.status).toBe(401);
    expect(refusalReasonOf(tamperedPage.body)).toBe("lti.deepLink.unknown");
    const tampered = await result.submit(picker, { form: { id: "deep-link-picker" }, changes: { id: "forged-id", "item.0": "review" } });
    expect(tampered.status).toBe(401);
    expect(refusalReasonOf(tampered.body)).toBe("lti.deepLink.unknown");

    const identifier = `lti-deep-link:${createHash("sha256").update(pickerIdOf(picker)).digest("hex")}`;
    await database.prisma.verification.updateMany({ where: { identifier }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expiredPage = await browserRequest(result.jar, picker.url);
    expect(refusalReasonOf(expiredPage.body)).toBe("lti.deepLink.expired");
    const expired = await result.submit(picker, { form: { id: "deep-link-picker" }, changes: { "item.0": "review" } });
    expect(expired.status).toBe(401);
    expect(refusalReasonOf(expired.body)).toBe("lti.deepLink.expired");
  });

  it("refuses a request whose platform accepts no LTI resource links", async () => {
    const { picker } = await openPicker({ accept_types: ["link", "file"] });
    expect(picker.status).toBe(400);
    expect(refusalReasonOf(picker.body)).toBe("lti.deepLink.unsupportedRequest");
  });

  it("shows the picker in Chinese for a Chinese-speaking instructor", async () => {
    const { picker } = await openPicker({}, { ...TEACHER, sub: "dl-teacher-zh", name: "李老师", locale: "zh-CN" });
    expect(picker.status).toBe(200);
    expect(picker.body).toContain("每日复习");
    expect(picker.body).toContain("作业一：填充");
    expect(picker.body).toContain("添加到 LMS");
  });

  it("refuses a resource link launch whose custom parameters name an assessment or bank of another course, opening no session", async () => {
    for (const [index, custom] of [
      { stride_kind: "assessment", stride_target_id: otherAssessmentId },
      { stride_kind: "practice", stride_target_id: otherBankId },
    ].entries()) {
      const refused = await launch({ user: { sub: "dl-learner-4" }, roles: [role.learner], context: CONTEXT, resourceLink: { id: `foreign-link-${index}` }, custom });
      expect(refused.response.status).toBe(403);
      expect(refusalReasonOf(refused.response.body)).toBe("lti.launch.targetNotInCourse");
      expect(refused.response.setCookies.some((line) => line.startsWith("better-auth.session_token="))).toBe(false);
    }
  });

  describe("a first launch from an LMS course that is a deep-linking request, by an instructor who owns Stride courses", () => {
    const FIRST = { sub: "dl-first-teacher", name: "Barbara Liskov", locale: "en-US" };

    /** FIRST's own courses: one linked to another LMS course by an earlier launch, one made in Stride with a published quiz, one archived. */
    async function ownCourses() {
      const earlier = await launch({ user: FIRST, roles: [role.instructor], context: { id: "dl-first-earlier", title: "Linked elsewhere" } });
      expect(earlier.response.status).toBe(303);
      const { userId } = await database.prisma.ltiUser.findFirstOrThrow({ where: { sub: FIRST.sub } });
      const linkedElsewhere = (await database.prisma.ltiContext.findFirstOrThrow({ where: { contextId: "dl-first-earlier" } })).courseId!;
      const own = (await createCourse({ db: database.prisma, userId, title: "Pooling (made in Stride)", lang: "en", desiredRetention: 0.9 })).id;
      const quizId = (
        await database.prisma.assessment.create({
          data: { courseId: own, titleEn: "Quiz: pooling", kind: "homework", position: 0, publishedAt: new Date(), zones: { create: [{ position: 0, pool: [], draw: 1, points: 4 }] } },
        })
      ).id;
      const archived = (await createCourse({ db: database.prisma, userId, title: "Old course", lang: "en", desiredRetention: 0.9 })).id;
      await database.prisma.course.update({ where: { id: archived }, data: { archivedAt: new Date() } });
      return { linkedElsewhere, own, quizId };
    }

    /** FIRST's deep-linking launch from the new LMS course `contextId`, followed to where it lands. */
    async function firstDeepLink(contextId: string, settings: LaunchOptions["deepLinkingSettings"] = {}) {
      const result = await launch({ user: FIRST, roles: [role.instructor], context: { id: contextId, title: "Vision" }, messageType: "LtiDeepLinkingRequest", deepLinkingSettings: settings });
      expect(result.response.status).toBe(303);
      const page = await result.follow();
      const made = (await database.prisma.ltiContext.findFirstOrThrow({ where: { contextId } })).courseId!;
      return { result, page, made };
    }

    it("offers their courses before the picker; a course not theirs is refused; the chosen course is linked and the picker places its activities", async () => {
      const { linkedElsewhere, own, quizId } = await ownCourses();
      const { result, page, made } = await firstDeepLink("dl-first-linked");
      expect(page.status).toBe(200);
      expect(page.url).toMatch(new RegExp(`^${tool.base}/lti/launch/link\\?choice=`));
      expect(page.body).toContain("Set up this course in Stride");
      expect(page.body).toContain("Link my course “Pooling (made in Stride)”");
      expect(page.body).not.toContain("Old course");
      expect(page.body).not.toContain(`value="${linkedElsewhere}"`);
      expect(page.body).not.toContain(`value="${courseId}"`);
      const choice = parseHtmlForm(page.body, page.url)!;
      expect(choice.fields.course).toBe("new");
      // The deep-linking request waits server-side; the form carries only its picker's path.
      expect(choice.fields.next).toMatch(/^\/lti\/deep-link\?id=[\w-]+$/);
      expect(page.body).not.toContain(platform.urls.deepLinkReturn);

      // Another instructor's course, and their own course linked to another LMS course, are refused and change nothing.
      for (const course of [courseId, linkedElsewhere]) {
        const refused = await browserRequest(result.jar, choice.action, { method: "POST", form: { ...choice.fields, course }, headers: { origin: tool.base } });
        expect(refused.status).toBe(403);
        expect(refusalReasonOf(refused.body)).toBe("lti.launch.notYourCourse");
      }
      expect((await database.prisma.ltiContext.findFirstOrThrow({ where: { contextId: "dl-first-linked" } })).courseId).toBe(made);

      const chosen = await browserRequest(result.jar, choice.action, { method: "POST", form: { ...choice.fields, course: own }, headers: { origin: tool.base } });
      expect(chosen.status).toBe(303);
      expect(chosen.location).toBe(`${tool.base}${choice.fields.next}`);
      expect((await database.prisma.ltiContext.findFirstOrThrow({ where: { contextId: "dl-first-linked" } })).courseId).toBe(own);
      expect(await database.prisma.course.findUnique({ where: { id: made } })).toBeNull();

      const picker = await browserRequest(result.jar, chosen.location!);
      expect(picker.status).toBe(200);
      expect(picker.body).toContain("Quiz: pooling");
      expect(picker.body).not.toContain("Homework 1: padding");
      const answer = await result.submit(picker, { form: { id: "deep-link-picker" }, changes: { "item.0": `assessment:${quizId}` } });
      expect(answer.status).toBe(200);
      await result.submit(answer, { form: { id: "deep-link-return" } });
      const record = platform.deepLinkingResponses.at(-1)!;
      expect(record.problems).toEqual([]);
      expect(record.contentItems).toEqual([
        {
          type: "ltiResourceLink",
          title: "Quiz: pooling",
          text: "Homework · 4 points",
          url: tool.launchUrl,
          custom: { stride_kind: "assessment", stride_target_id: quizId },
          lineItem: { scoreMaximum: 4, label: "Quiz: pooling", resourceId: quizId, tag: "homework" },
        },
      ]);
    });

    it("keeps the course the launch made when they choose it, and its picker offers that course's activities", async () => {
      // Their courses of the test before are linked to LMS courses now: this one is the one to offer.
      const { userId } = await database.prisma.ltiUser.findFirstOrThrow({ where: { sub: FIRST.sub } });
      await createCourse({ db: database.prisma, userId, title: "Geometry (made in Stride)", lang: "en", desiredRetention: 0.9 });
      const { result, page, made } = await firstDeepLink("dl-first-new", { accept_multiple: false });
      expect(page.body).toContain("Link my course “Geometry (made in Stride)”");
      const choice = parseHtmlForm(page.body, page.url)!;
      const kept = await browserRequest(result.jar, choice.action, { method: "POST", form: choice.fields, headers: { origin: tool.base } });
      expect(kept.status).toBe(303);
      expect(kept.location).toBe(`${tool.base}${choice.fields.next}`);
      expect((await database.prisma.ltiContext.findFirstOrThrow({ where: { contextId: "dl-first-new" } })).courseId).toBe(made);
      const picker = await browserRequest(result.jar, kept.location!);
      expect(picker.status).toBe(200);
      expect(picker.body).toContain("Daily review");
      expect(picker.body).not.toContain("Quiz: pooling");
      const answer = await result.submit(picker, { form: { id: "deep-link-picker" }, changes: { item: "review" } });
      await result.submit(answer, { form: { id: "deep-link-return" } });
      expect(platform.deepLinkingResponses.at(-1)!.contentItems).toEqual([{ type: "ltiResourceLink", title: "Daily review", text: "Your spaced-repetition review for today.", url: tool.launchUrl, custom: { stride_kind: "review" } }]);
    });
  });
});

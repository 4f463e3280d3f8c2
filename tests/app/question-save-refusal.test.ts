import { TRPCClientError } from "@trpc/client";
import { createTranslator } from "use-intl";
import { describe, expect, it } from "vitest";
import { saveRefusal } from "@/app/teach/[courseId]/banks/[bankId]/_editor/field-errors";
import { type ReasonTranslator, serverMessage } from "@/app/_components/server-message";
import { messagesByLocale } from "@/lib/i18n/messages";

/** The page's `refusal` (app/_components/use-server-message.ts) as a Chinese page has it. */
function chineseRefusal(error: unknown): string {
  const translate = createTranslator({ locale: "zh-CN", messages: messagesByLocale["zh-CN"], namespace: "serverErrors" }) as unknown as ReasonTranslator;
  return serverMessage(error, translate, "出了点问题");
}

function refused(message: string, data: Record<string, unknown>) {
  return TRPCClientError.from({ error: { code: -32600, message, data: { httpStatus: 400, path: "questions.update", ...data } } });
}

describe("what the question editor shows for a refused save", () => {
  it("splits a definition's problems back by field path, as the server named them", () => {
    const error = refused("title.en: must not be empty; answer.tolerance: must be 0 or more", { code: "BAD_REQUEST", reason: null });
    expect(saveRefusal(error, chineseRefusal)).toEqual({ "title.en": ["must not be empty"], "answer.tolerance": ["must be 0 or more"] });
  });

  it("words any other refusal as one sentence in the page's language, above the form", () => {
    const gone = refused("There is no such bank.", { code: "NOT_FOUND", httpStatus: 404, reason: "course.noSuchBank" });
    expect(saveRefusal(gone, chineseRefusal)).toEqual({ "": ["找不到这个题库。"] });
  });

  it("says 'something went wrong' for a lost connection, never the browser's own words", () => {
    expect(saveRefusal(new TypeError("Failed to fetch"), chineseRefusal)).toEqual({ "": ["出了点问题"] });
  });
});

describe("the instructor's refusals with values, in Chinese", () => {
  it("names the e-mail, the bank's answers and the failed version", () => {
    const nobody = refused("Nobody has the email ana@example.org.", { code: "NOT_FOUND", reason: "course.noSuchEmail", params: { email: "ana@example.org" } });
    expect(chineseRefusal(nobody)).toBe("没有使用邮箱 ana@example.org 的用户。");
    const answered = refused("This bank cannot be deleted: …", { code: "CONFLICT", reason: "bank.answered", params: { answered: 3 } });
    expect(chineseRefusal(answered)).toBe("无法删除这个题库：已有学习者作答过其中的题目（作答记录保留在他们的历史中：3 条）。请改为归档其中的题目。");
    const failed = refused("Version 2 failed its validation …", { code: "CONFLICT", reason: "question.validationFailed", params: { version: 2, failures: 5 } });
    expect(chineseRefusal(failed)).toBe("第 2 版未通过验证（有 5 个变体无法生成）：请修正后再发布。");
  });
});

describe("an account deletion refused for the courses others depend on", () => {
  it("says 'a course' or 'courses' by how many, and that nothing was deleted", () => {
    const translate = createTranslator({ locale: "en", messages: messagesByLocale.en, namespace: "serverErrors" }) as unknown as ReasonTranslator;
    const blocked = (courses: number) => refused("Your account cannot be deleted yet, …", { code: "CONFLICT", reason: "account.deletionBlocked", params: { courses } });
    expect(serverMessage(blocked(1), translate, "")).toBe("Your account cannot be deleted yet, because other people depend on a course you own. Nothing was deleted.");
    expect(serverMessage(blocked(2), translate, "")).toBe("Your account cannot be deleted yet, because other people depend on courses you own. Nothing was deleted.");
  });
});

import { TRPCClientError } from "@trpc/client";
import { createTranslator } from "use-intl";
import { describe, expect, it } from "vitest";
import { type ReasonTranslator, serverMessage } from "@/app/_components/server-message";
import { messagesByLocale } from "@/lib/i18n/messages";

const SOMETHING_WRONG = "something went wrong";

/** The translator a page gets from useTranslations("serverErrors"), keyed by any string as the app's is. */
function translatorFor(locale: "en" | "zh-CN"): ReasonTranslator {
  return createTranslator({ locale, messages: messagesByLocale[locale], namespace: "serverErrors" }) as unknown as ReasonTranslator;
}

/** An error as the tRPC client hands it to a page, with the `data` Stride's error formatter sends. */
function refusal(message: string, data: Record<string, unknown>) {
  return TRPCClientError.from({ error: { code: -32009, message, data: { httpStatus: 409, path: "assessments.answer", ...data } } });
}

describe("a refusal of the server, read in the page's language", () => {
  it("words a known reason from the catalogue, in Chinese and in English", () => {
    const timeUp = refusal("Time is up: this attempt no longer takes answers.", { code: "CONFLICT", reason: "attempt.timeUp", params: null });
    expect(serverMessage(timeUp, translatorFor("zh-CN"), SOMETHING_WRONG)).toBe("时间已到，这份答卷不再接受作答。");
    expect(serverMessage(timeUp, translatorFor("en"), SOMETHING_WRONG)).toBe("Time is up: this attempt no longer takes answers.");
  });

  it("fills in the values the reason names", () => {
    const answered = refusal("Try 2 of this question was already answered. Reload to see it.", { code: "CONFLICT", reason: "attempt.tryAlreadyAnswered", params: { number: 2 } });
    expect(serverMessage(answered, translatorFor("zh-CN"), SOMETHING_WRONG)).toBe("本题的第 2 次作答已经提交过。请重新加载页面查看。");
  });

  it("falls back to the server's English message for a reason the catalogue does not know, or none", () => {
    const unknown = refusal("A refusal from a newer server.", { code: "CONFLICT", reason: "attempt.somethingNew", params: null });
    expect(serverMessage(unknown, translatorFor("zh-CN"), SOMETHING_WRONG)).toBe("A refusal from a newer server.");
    const validation = refusal("answer: type an answer", { code: "BAD_REQUEST", reason: null, params: null });
    expect(serverMessage(validation, translatorFor("zh-CN"), SOMETHING_WRONG)).toBe("answer: type an answer");
  });

  it("looks up only reason ids, never a whole namespace or a key outside serverErrors", () => {
    const namespace = refusal("Namespace.", { code: "CONFLICT", reason: "attempt", params: null });
    expect(serverMessage(namespace, translatorFor("zh-CN"), SOMETHING_WRONG)).toBe("Namespace.");
    const odd = refusal("Odd.", { code: "CONFLICT", reason: "../common.somethingWrong", params: null });
    expect(serverMessage(odd, translatorFor("zh-CN"), SOMETHING_WRONG)).toBe("Odd.");
  });

  it("passes only strings and numbers to the sentence", () => {
    const score = refusal("score: must be between 0 and 10", { code: "BAD_REQUEST", reason: "gradebook.scoreOutOfRange", params: { possible: 10, extra: { nested: true } } });
    expect(serverMessage(score, translatorFor("en"), SOMETHING_WRONG)).toBe("The score must be between 0 and 10, the attempt's possible points.");
  });

  it("says \"something went wrong\" for our own failure, a lost connection or an empty message", () => {
    const ours = refusal("Something went wrong on our side.", { code: "INTERNAL_SERVER_ERROR", reason: null, params: null });
    expect(serverMessage(ours, translatorFor("zh-CN"), SOMETHING_WRONG)).toBe(SOMETHING_WRONG);
    expect(serverMessage(new TRPCClientError("Failed to fetch", { cause: new TypeError("Failed to fetch") }), translatorFor("zh-CN"), SOMETHING_WRONG)).toBe(SOMETHING_WRONG);
    expect(serverMessage(refusal("", { code: "CONFLICT" }), translatorFor("zh-CN"), SOMETHING_WRONG)).toBe(SOMETHING_WRONG);
    expect(serverMessage(null, translatorFor("zh-CN"), SOMETHING_WRONG)).toBe(SOMETHING_WRONG);
  });
});

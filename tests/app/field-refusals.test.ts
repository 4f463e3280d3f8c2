import { TRPCClientError } from "@trpc/client";
import { createTranslator } from "use-intl";
import { describe, expect, it } from "vitest";
import { fieldRefusals } from "@/app/_components/field-refusals";
import type { ReasonTranslator } from "@/app/_components/server-message";
import { messagesByLocale } from "@/lib/i18n/messages";

function translatorFor(locale: "en" | "zh-CN"): ReasonTranslator {
  return createTranslator({ locale, messages: messagesByLocale[locale], namespace: "serverErrors" }) as unknown as ReasonTranslator;
}

function refusal(fieldReasons: unknown) {
  return TRPCClientError.from({ error: { code: -32600, message: "dueAt: …; zones.0.pointsPerTry.1: …", data: { code: "BAD_REQUEST", httpStatus: 400, reason: "assessment.rulesBroken", fieldReasons } } });
}

describe("an assessment's broken rules, worded beside their fields", () => {
  it("words each field's reason in the page's language, with its values", () => {
    const error = refusal([
      { field: "dueAt", reason: "rules.dueBeforeOpen" },
      { field: "zones.0.pointsPerTry.1", reason: "rules.tryAbovePoints", params: { try: 2, points: 10 } },
    ]);
    expect(fieldRefusals(error, translatorFor("zh-CN"))).toEqual({
      dueAt: ["截止时间必须晚于开放时间"],
      "zones.0.pointsPerTry.1": ["第 2 次作答的分值不能超过本题的 10 分"],
    });
    expect(fieldRefusals(error, translatorFor("en"))).toEqual({
      dueAt: ["the due date must come after the opening date"],
      "zones.0.pointsPerTry.1": ["try 2 cannot be worth more than the question's 10 points"],
    });
  });

  it("gives up (null) when any reason is unknown or malformed, or there are none, so the form shows the English message whole", () => {
    expect(fieldRefusals(refusal([{ field: "dueAt", reason: "rules.dueBeforeOpen" }, { field: "x", reason: "rules.fromTheFuture" }]), translatorFor("zh-CN"))).toBeNull();
    expect(fieldRefusals(refusal([{ field: "dueAt", reason: "rules" }]), translatorFor("zh-CN"))).toBeNull();
    expect(fieldRefusals(refusal(null), translatorFor("zh-CN"))).toBeNull();
    expect(fieldRefusals(refusal([]), translatorFor("zh-CN"))).toBeNull();
    expect(fieldRefusals(new Error("boom"), translatorFor("zh-CN"))).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { messagesByLocale } from "@/lib/i18n/messages";

/**
 * The server's source and the assessment rules' (whose problems the server passes on), read as
 * text: every dotted `reason: "…"` they give a refusal (other `reason` fields are plain words).
 */
const serverSources = import.meta.glob<string>(["/lib/server/**/*.ts", "/lib/grading/assessments/*.ts"], { query: "?raw", import: "default", eager: true });

function reasonsIn(source: string): string[] {
  return [...source.matchAll(/\breason: "([A-Za-z]+(?:\.[A-Za-z]+)+)"/g)].map((match) => match[1]!);
}

function textAt(catalogue: unknown, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), catalogue);
}

describe("the reasons the server gives its refusals", () => {
  const reasons = [...new Set(Object.values(serverSources).flatMap(reasonsIn))].sort();

  it("are found in the server's source (the assessments' refusals among them)", () => {
    expect(reasons).toContain("attempt.timeUp");
    expect(reasons).toContain("attempt.noTriesLeft");
    expect(reasons).toContain("assessment.closed");
    expect(reasons).toContain("rules.dueBeforeOpen");
  });

  it("each have a sentence in English and in Chinese under serverErrors", () => {
    const missing = reasons.flatMap((reason) =>
      (["en", "zh-CN"] as const).filter((locale) => typeof textAt(messagesByLocale[locale].serverErrors, reason) !== "string").map((locale) => `${locale}: ${reason}`),
    );
    expect(missing).toEqual([]);
  });
});

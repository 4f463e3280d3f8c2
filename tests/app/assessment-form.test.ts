import { describe, expect, it } from "vitest";
import { type AssessmentForm, emptyForm, emptyZone, fromSaved, parseNumberList, type SavedAssessment, toSaveInput, withKind } from "@/app/teach/[courseId]/assessments/_editor/assessment-form";
import { saveAssessmentInput } from "@/lib/server/assessments/schemas";

const ids = { courseId: "6f1c1f0e-3d7c-4a53-9d7f-0d8f1b2a4c11", assessmentId: null };
const bankId = "0b6f3a44-8a0e-4e57-b1a3-54d9a0d2c7e2";

function examForm(): AssessmentForm {
  const form = withKind(emptyForm(), "exam");
  return {
    ...form,
    titleEn: "Midterm",
    zones: [{ ...emptyZone(), pool: [{ bank: bankId }], draw: "2", points: "10", pointsPerTry: "10, 7, 5" }],
    opensAt: "2026-12-10T09:00",
    dueAt: "2026-12-10T12:00",
    latePercent: "35",
    timeLimitMinutes: "45",
    honourPledge: true,
    published: true,
  };
}

describe("the assessment editor's form and what it sends", () => {
  it("sends an exam as assessments.save takes it: declining points as numbers, percent as a share, the time limit in minutes", () => {
    const result = toSaveInput(examForm(), ids);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input).toMatchObject({
      kind: "exam",
      zones: [{ pool: [{ bank: bankId }], draw: 2, points: 10, pointsPerTry: [10, 7, 5], shuffle: false }],
      opensAt: "2026-12-10T09:00",
      lateUntil: null,
      // 35 % by hand; exactly 0.35, not 0.35000000000000003.
      lateCredit: 0.35,
      timeLimitMinutes: 45,
      honourPledge: true,
      countsForReview: false,
      published: true,
    });
    // Blank zone titles are left out rather than sent as empty strings.
    expect(result.input.zones[0]).not.toHaveProperty("titleEn");
    expect(saveAssessmentInput.safeParse(result.input).success).toBe(true);
  });

  it("leaves a homework without the exam's settings, even those typed before the type changed", () => {
    const form = withKind(examForm(), "homework");
    const result = toSaveInput(form, ids);
    expect(result.ok && result.input).toMatchObject({ kind: "homework", timeLimitMinutes: null, honourPledge: false, gradeAtEnd: false });
  });

  it("names each unreadable number by the server's field path, so it stands beside the same field", () => {
    const form = examForm();
    const result = toSaveInput({ ...form, timeLimitMinutes: "45.5", zones: [{ ...form.zones[0]!, draw: "two", pointsPerTry: "10, x" }] }, ids);
    expect(result).toEqual({ ok: false, problems: { "zones.0.draw": "wholeNumber", "zones.0.pointsPerTry": "numberList", timeLimitMinutes: "wholeNumber" } });
  });

  it("reads declining points typed with spaces or a Chinese keyboard's commas", () => {
    expect(parseNumberList("10 7 5")).toEqual([10, 7, 5]);
    expect(parseNumberList("10，7、5")).toEqual([10, 7, 5]);
    expect(parseNumberList("10, 7.5, 5")).toEqual([10, 7.5, 5]);
    expect(parseNumberList("10, -1")).toBeNull();
  });

  it("counts answers towards spaced review by the type until the instructor decides", () => {
    expect(emptyForm().countsForReview).toBe(true);
    expect(withKind(emptyForm(), "exam").countsForReview).toBe(false);
    const chosen = { ...withKind(emptyForm(), "exam"), countsForReview: true, countsForReviewChosen: true };
    expect(withKind(chosen, "homework").countsForReview).toBe(true);
    expect(withKind({ ...chosen, countsForReview: false }, "homework").countsForReview).toBe(false);
  });

  it("keeps an exam's key until the close by default, unless the instructor chose otherwise", () => {
    expect(emptyForm().showSolution).toBe("immediately");
    expect(withKind(emptyForm(), "exam").showSolution).toBe("after-close");
    expect(withKind(withKind(emptyForm(), "exam"), "homework").showSolution).toBe("immediately");
    expect(withKind({ ...emptyForm(), showSolution: "never" }, "exam").showSolution).toBe("never");
  });

  it("brings a saved assessment back into the form and sends the same values again", () => {
    const saved: SavedAssessment = {
      titleEn: "Homework 1",
      titleZh: "作业一",
      kind: "homework",
      zones: [{ titleEn: "Warm-up", titleZh: "", pool: [{ template: "pooling.output-shape" }, { question: bankId }], draw: 1, points: 5, pointsPerTry: [5, 3], shuffle: true }],
      opensAt: null,
      dueAt: "2026-12-20T23:59",
      lateUntil: "2026-12-22T23:59",
      lateCredit: 0.35,
      timeLimitMinutes: null,
      honourPledge: false,
      gradeAtEnd: false,
      showScore: "immediately",
      showCorrectness: "after-close",
      showSolution: "never",
      countsForReview: false,
      published: false,
    };
    const form = fromSaved(saved);
    expect(form.latePercent).toBe("35");
    expect(form.zones[0]!.pointsPerTry).toBe("5, 3");
    const result = toSaveInput(form, { ...ids, assessmentId: "1d7e0c55-5b2b-4f0e-9a3c-2f6d8e1b9a70" });
    expect(result.ok && result.input).toMatchObject({ ...saved, titleZh: "作业一", zones: [{ titleEn: "Warm-up", pool: saved.zones[0]!.pool, draw: 1, points: 5, pointsPerTry: [5, 3], shuffle: true }] });
  });
});

import type { FieldErrors } from "../../banks/[bankId]/_editor/field-errors";

/**
 * The assessment editor's state, kept as the instructor typed it (numbers as text), so a refused
 * save never changes a character on screen; `toSaveInput` turns it into what `assessments.save`
 * takes, or into field errors named by the same paths the server uses (`zones.0.draw`).
 */
export type ShownWhen = "immediately" | "after-close" | "never";
export type AssessmentKind = "homework" | "exam";
export type PoolEntry = { template: string } | { question: string } | { bank: string };

export interface ZoneForm {
  /** A stable React key: zones move, and a moved zone keeps its inputs' focus and state. */
  key: string;
  titleEn: string;
  titleZh: string;
  pool: PoolEntry[];
  draw: string;
  points: string;
  /** "10, 7, 5", or empty for the same points on every try. */
  pointsPerTry: string;
  shuffle: boolean;
}

export interface AssessmentForm {
  titleEn: string;
  titleZh: string;
  kind: AssessmentKind;
  zones: ZoneForm[];
  opensAt: string;
  dueAt: string;
  lateUntil: string;
  /** Percent, as a person reads credit (the server takes 0..1). */
  latePercent: string;
  timeLimitMinutes: string;
  honourPledge: boolean;
  gradeAtEnd: boolean;
  showScore: ShownWhen;
  showCorrectness: ShownWhen;
  showSolution: ShownWhen;
  countsForReview: boolean;
  /** Whether the instructor set "counts for review" themselves; until then it follows the type. */
  countsForReviewChosen: boolean;
  published: boolean;
}

/** What `assessments.get` answers, the subset the form reads. */
export interface SavedAssessment {
  titleEn: string;
  titleZh: string;
  kind: AssessmentKind;
  zones: { titleEn: string; titleZh: string; pool: PoolEntry[]; draw: number; points: number; pointsPerTry: number[] | null; shuffle: boolean }[];
  opensAt: string | null;
  dueAt: string | null;
  lateUntil: string | null;
  lateCredit: number;
  timeLimitMinutes: number | null;
  honourPledge: boolean;
  gradeAtEnd: boolean;
  showScore: ShownWhen;
  showCorrectness: ShownWhen;
  showSolution: ShownWhen;
  countsForReview: boolean;
  published: boolean;
}

export interface SaveInput {
  courseId: string;
  assessmentId?: string;
  titleEn: string;
  titleZh?: string;
  kind: AssessmentKind;
  zones: { titleEn?: string; titleZh?: string; pool: PoolEntry[]; draw: number; points: number; pointsPerTry: number[] | null; shuffle: boolean }[];
  opensAt: string | null;
  dueAt: string | null;
  lateUntil: string | null;
  lateCredit: number;
  timeLimitMinutes: number | null;
  honourPledge: boolean;
  gradeAtEnd: boolean;
  showScore: ShownWhen;
  showCorrectness: ShownWhen;
  showSolution: ShownWhen;
  countsForReview: boolean;
  published: boolean;
}

let zoneKeys = 0;
// The first zones are made on the server and the later ones in the browser, each with its own
// counter: the random part keeps a zone added in the browser from taking a server-made key.
const nextZoneKey = () => `zone-${(zoneKeys += 1)}-${Math.random().toString(36).slice(2, 8)}`;

export function emptyZone(): ZoneForm {
  return { key: nextZoneKey(), titleEn: "", titleZh: "", pool: [], draw: "1", points: "10", pointsPerTry: "", shuffle: false };
}

/** An exam's key waits for the close by default: shown at once, it could pass between learners still writing. */
const defaultShowSolution = (kind: AssessmentKind): ShownWhen => (kind === "exam" ? "after-close" : "immediately");

export function emptyForm(kind: AssessmentKind = "homework"): AssessmentForm {
  return {
    titleEn: "",
    titleZh: "",
    kind,
    zones: [emptyZone()],
    opensAt: "",
    dueAt: "",
    lateUntil: "",
    latePercent: "0",
    timeLimitMinutes: "",
    honourPledge: false,
    gradeAtEnd: false,
    showScore: "immediately",
    showCorrectness: "immediately",
    showSolution: defaultShowSolution(kind),
    countsForReview: kind === "homework",
    countsForReviewChosen: false,
    published: false,
  };
}

const numberText = (value: number | null) => (value === null ? "" : String(value));

export function fromSaved(saved: SavedAssessment): AssessmentForm {
  return {
    titleEn: saved.titleEn,
    titleZh: saved.titleZh,
    kind: saved.kind,
    zones: saved.zones.map((zone) => ({
      key: nextZoneKey(),
      titleEn: zone.titleEn,
      titleZh: zone.titleZh,
      pool: zone.pool,
      draw: String(zone.draw),
      points: String(zone.points),
      pointsPerTry: zone.pointsPerTry ? zone.pointsPerTry.join(", ") : "",
      shuffle: zone.shuffle,
    })),
    opensAt: saved.opensAt ?? "",
    dueAt: saved.dueAt ?? "",
    lateUntil: saved.lateUntil ?? "",
    // Credit is stored as a share; a round trip through percent must not drift (0.35 → 35, not 35.00000000000001).
    latePercent: String(Math.round(saved.lateCredit * 100_000) / 1000),
    timeLimitMinutes: numberText(saved.timeLimitMinutes),
    honourPledge: saved.honourPledge,
    gradeAtEnd: saved.gradeAtEnd,
    showScore: saved.showScore,
    showCorrectness: saved.showCorrectness,
    showSolution: saved.showSolution,
    countsForReview: saved.countsForReview,
    countsForReviewChosen: true,
    published: saved.published,
  };
}

/**
 * The form's choice of type: review counting follows it until the instructor sets it, and so does
 * when the key is shown while it is still the other type's default.
 */
export function withKind(form: AssessmentForm, kind: AssessmentKind): AssessmentForm {
  return {
    ...form,
    kind,
    countsForReview: form.countsForReviewChosen ? form.countsForReview : kind === "homework",
    showSolution: form.showSolution === defaultShowSolution(form.kind) ? defaultShowSolution(kind) : form.showSolution,
  };
}

/** Codes of the problems found before sending, which the page words in its own language. */
export type LocalProblem = "wholeNumber" | "number" | "numberList";

export type ToSaveResult = { ok: true; input: SaveInput } | { ok: false; problems: Record<string, LocalProblem> };

function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(",", ".");
  if (trimmed === "" || !/^-?\d+(\.\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}

/** "10, 7, 5" (or "10 7 5", or with 、 or ， as a Chinese keyboard types them) as numbers. */
export function parseNumberList(text: string): number[] | null {
  const parts = text.split(/[\s,，、;；]+/).filter((part) => part !== "");
  const numbers = parts.map((part) => (/^\d+(\.\d+)?$/.test(part) ? Number(part) : Number.NaN));
  return numbers.some(Number.isNaN) ? null : numbers;
}

export function toSaveInput(form: AssessmentForm, ids: { courseId: string; assessmentId: string | null }): ToSaveResult {
  const problems: Record<string, LocalProblem> = {};
  const whole = (text: string, path: string, optional: boolean): number | null => {
    if (optional && text.trim() === "") return null;
    const value = parseNumber(text);
    if (value === null || !Number.isInteger(value)) {
      problems[path] = "wholeNumber";
      return null;
    }
    return value;
  };
  const decimal = (text: string, path: string): number => {
    const value = parseNumber(text);
    if (value === null) problems[path] = "number";
    return value ?? 0;
  };

  const zones = form.zones.map((zone, at) => {
    let pointsPerTry: number[] | null = null;
    if (zone.pointsPerTry.trim() !== "") {
      pointsPerTry = parseNumberList(zone.pointsPerTry);
      if (pointsPerTry === null) problems[`zones.${at}.pointsPerTry`] = "numberList";
    }
    return {
      ...(zone.titleEn.trim() ? { titleEn: zone.titleEn.trim() } : {}),
      ...(zone.titleZh.trim() ? { titleZh: zone.titleZh.trim() } : {}),
      pool: zone.pool,
      draw: whole(zone.draw, `zones.${at}.draw`, false) ?? 0,
      points: decimal(zone.points, `zones.${at}.points`),
      pointsPerTry,
      shuffle: zone.shuffle,
    };
  });
  const latePercent = form.latePercent.trim() === "" ? 0 : decimal(form.latePercent, "lateCredit");
  const exam = form.kind === "exam";
  const timeLimitMinutes = exam ? whole(form.timeLimitMinutes, "timeLimitMinutes", true) : null;
  if (Object.keys(problems).length > 0) return { ok: false, problems };

  return {
    ok: true,
    input: {
      courseId: ids.courseId,
      ...(ids.assessmentId ? { assessmentId: ids.assessmentId } : {}),
      titleEn: form.titleEn,
      ...(form.titleZh.trim() ? { titleZh: form.titleZh.trim() } : {}),
      kind: form.kind,
      zones,
      opensAt: form.opensAt || null,
      dueAt: form.dueAt || null,
      lateUntil: form.lateUntil || null,
      // Percent to share, rounded so that 35 % is 0.35 and not 0.35000000000000003.
      lateCredit: Math.round(latePercent * 1000) / 100_000,
      timeLimitMinutes,
      // Only what applies to the type is sent: a homework keeps no hidden exam settings.
      honourPledge: exam && form.honourPledge,
      gradeAtEnd: exam && form.gradeAtEnd,
      showScore: form.showScore,
      showCorrectness: form.showCorrectness,
      showSolution: form.showSolution,
      countsForReview: form.countsForReview,
      published: form.published,
    },
  };
}

/** The server's messages for `path` itself and for the parts under it (`zones.0.pointsPerTry.1`). */
export function errorsUnder(errors: FieldErrors, path: string): string[] {
  return Object.entries(errors)
    .filter(([key]) => key === path || key.startsWith(`${path}.`))
    .flatMap(([, messages]) => messages);
}

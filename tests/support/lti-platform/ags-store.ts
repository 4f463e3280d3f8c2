import { ACTIVITY_PROGRESS, GRADING_PROGRESS } from "./vocabulary";

/** AGS 2.0 §3.2.3: a line item (a gradebook column). `id` is its URL. */
export interface LineItem {
  id: string;
  scoreMaximum: number;
  label: string;
  resourceId?: string;
  resourceLinkId?: string;
  tag?: string;
  startDateTime?: string;
  endDateTime?: string;
  gradesReleased?: boolean;
}

/** AGS 2.0 §3.4: a score as the tool posts it. */
export interface Score {
  userId: string;
  scoreGiven?: number;
  scoreMaximum?: number;
  comment?: string;
  timestamp: string;
  activityProgress: (typeof ACTIVITY_PROGRESS)[number];
  gradingProgress: (typeof GRADING_PROGRESS)[number];
  [extension: string]: unknown;
}

/** A score the platform accepted. `stale` ones (AGS 2.0 §3.4.3: older than the last one kept for
 * that user and line item) are answered with success but change no result. */
export interface ReceivedScore {
  at: Date;
  contextId: string;
  lineItemId: string;
  score: Score;
  stale: boolean;
}

/** A score post the platform answered with an error: a validation 400, or a failure a test asked for. */
export interface RefusedScorePost {
  at: Date;
  lineItemId: string;
  status: number;
  body: unknown;
  problems: string[];
}

/** AGS 2.0 §3.3: the result a platform keeps from the latest score of a user. */
export interface Result {
  id: string;
  scoreOf: string;
  userId: string;
  resultScore?: number;
  resultMaximum?: number;
  comment?: string;
}

/** The properties of a line item a tool may set (AGS 2.0 §3.2.3), checked; `problems` empty when good. */
export function readLineItem(body: unknown): { item?: Omit<LineItem, "id">; problems: string[] } {
  const problems: string[] = [];
  if (typeof body !== "object" || body === null) return { problems: ["body is not a JSON object"] };
  const value = body as Record<string, unknown>;
  if (typeof value.label !== "string" || value.label.trim() === "") problems.push("label must be a non-empty string");
  if (typeof value.scoreMaximum !== "number" || !(value.scoreMaximum > 0)) problems.push("scoreMaximum must be a number greater than 0");
  for (const field of ["resourceId", "resourceLinkId", "tag", "startDateTime", "endDateTime"] as const) {
    if (value[field] !== undefined && typeof value[field] !== "string") problems.push(`${field} must be a string`);
  }
  if (value.gradesReleased !== undefined && typeof value.gradesReleased !== "boolean") problems.push("gradesReleased must be a boolean");
  if (problems.length > 0) return { problems };
  const item: Omit<LineItem, "id"> = { label: value.label as string, scoreMaximum: value.scoreMaximum as number };
  for (const field of ["resourceId", "resourceLinkId", "tag", "startDateTime", "endDateTime"] as const) {
    if (typeof value[field] === "string") item[field] = value[field];
  }
  if (typeof value.gradesReleased === "boolean") item.gradesReleased = value.gradesReleased;
  return { item, problems };
}

const ISO_8601_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The checks of AGS 2.0 §3.4 on a posted score: userId, timestamp (ISO 8601 with a zone, sub-second
 * precision recommended), activityProgress and gradingProgress from their vocabularies, and
 * scoreGiven ≥ 0 only together with scoreMaximum > 0.
 */
export function readScore(body: unknown): { score?: Score; problems: string[] } {
  const problems: string[] = [];
  if (typeof body !== "object" || body === null) return { problems: ["body is not a JSON object"] };
  const value = body as Record<string, unknown>;
  if (typeof value.userId !== "string" || value.userId === "") problems.push("userId must be a non-empty string");
  if (typeof value.timestamp !== "string" || !ISO_8601_WITH_ZONE.test(value.timestamp) || Number.isNaN(Date.parse(value.timestamp))) {
    problems.push("timestamp must be an ISO 8601 date-time with a time zone");
  }
  if (!ACTIVITY_PROGRESS.includes(value.activityProgress as never)) problems.push(`activityProgress must be one of ${ACTIVITY_PROGRESS.join(", ")}`);
  if (!GRADING_PROGRESS.includes(value.gradingProgress as never)) problems.push(`gradingProgress must be one of ${GRADING_PROGRESS.join(", ")}`);
  if (value.scoreGiven !== undefined) {
    if (typeof value.scoreGiven !== "number" || !Number.isFinite(value.scoreGiven) || value.scoreGiven < 0) problems.push("scoreGiven must be a number of 0 or more");
    if (value.scoreMaximum === undefined) problems.push("scoreMaximum must be present when scoreGiven is");
  }
  if (value.scoreMaximum !== undefined && (typeof value.scoreMaximum !== "number" || !(value.scoreMaximum > 0))) problems.push("scoreMaximum must be a number greater than 0");
  if (value.comment !== undefined && value.comment !== null && typeof value.comment !== "string") problems.push("comment must be a string");
  return problems.length > 0 ? { problems } : { score: value as Score, problems };
}

/** The platform's gradebook: line items per context, the scores received, the results they make. */
export class Gradebook {
  private readonly entries = new Map<string, { contextId: string; item: LineItem }>();
  /** Recorder: every score accepted, in order of arrival. */
  readonly scores: ReceivedScore[] = [];
  /** Recorder: every score post answered with an error. */
  readonly refusedScorePosts: RefusedScorePost[] = [];
  private nextId = 1;
  private pendingFailures: { status: number; retryAfterSeconds?: number }[] = [];

  constructor(private readonly lineItemsUrl: (contextId: string) => string) {}

  createLineItem(contextId: string, item: Omit<LineItem, "id">): LineItem {
    const created = { ...item, id: `${this.lineItemsUrl(contextId)}/${this.nextId++}` };
    this.entries.set(created.id, { contextId, item: created });
    return { ...created };
  }

  getLineItem(id: string): LineItem | undefined {
    const entry = this.entries.get(id);
    return entry ? { ...entry.item } : undefined;
  }

  contextOf(lineItemId: string): string | undefined {
    return this.entries.get(lineItemId)?.contextId;
  }

  /** Replaces what a tool may set; the id and context stay. */
  updateLineItem(id: string, item: Omit<LineItem, "id">): LineItem | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    entry.item = { ...item, id };
    return { ...entry.item };
  }

  deleteLineItem(id: string): boolean {
    return this.entries.delete(id);
  }

  lineItemsOf(contextId: string): LineItem[] {
    return [...this.entries.values()].filter((entry) => entry.contextId === contextId).map((entry) => ({ ...entry.item }));
  }

  /** The line item bound to a resource link (as a deep-linking placement or the tool binds it). */
  lineItemOfResourceLink(contextId: string, resourceLinkId: string): LineItem | undefined {
    return this.lineItemsOf(contextId).find((item) => item.resourceLinkId === resourceLinkId);
  }

  /** The next `count` score posts are answered with `status` (and a Retry-After when given). */
  failNextScorePosts(count: number, status = 503, retryAfterSeconds?: number): void {
    for (let index = 0; index < count; index += 1) this.pendingFailures.push({ status, retryAfterSeconds });
  }

  takeFailure(): { status: number; retryAfterSeconds?: number } | undefined {
    return this.pendingFailures.shift();
  }

  /** Keeps an accepted score; stale when a kept score of the same user and line item is newer. */
  receiveScore(at: Date, lineItemId: string, score: Score): ReceivedScore {
    const newest = this.latestScore(lineItemId, score.userId);
    const stale = newest !== undefined && Date.parse(newest.score.timestamp) > Date.parse(score.timestamp);
    const received = { at, contextId: this.contextOf(lineItemId) ?? "", lineItemId, score, stale };
    this.scores.push(received);
    return received;
  }

  latestScore(lineItemId: string, userId: string): ReceivedScore | undefined {
    return this.scores.filter((kept) => kept.lineItemId === lineItemId && kept.score.userId === userId && !kept.stale).at(-1);
  }

  /** AGS 2.0 §3.3: one result per user, from their latest score; a score only when fully graded. */
  resultsOf(lineItemId: string): Result[] {
    const users = [...new Set(this.scores.filter((kept) => kept.lineItemId === lineItemId).map((kept) => kept.score.userId))];
    return users.map((userId) => {
      const { score } = this.latestScore(lineItemId, userId)!;
      const result: Result = { id: `${lineItemId}/results/${encodeURIComponent(userId)}`, scoreOf: lineItemId, userId };
      if (score.gradingProgress === "FullyGraded" && score.scoreGiven !== undefined) {
        result.resultScore = score.scoreGiven;
        result.resultMaximum = score.scoreMaximum;
      }
      if (typeof score.comment === "string") result.comment = score.comment;
      return result;
    });
  }
}

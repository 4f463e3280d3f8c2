/**
 * A learner's days. "Today", the daily new limit, due-today counts, the heatmap and the streak all
 * count calendar days in the learner's IANA time zone, so a day rolls over at the learner's
 * midnight, not at 08:00 in Shanghai (issue 12).
 *
 * A day is a **day number**: the local calendar date as whole days since 1970-01-01, so
 * consecutive local days differ by exactly 1 whatever the zone's offset or DST does in between,
 * and a day number is the same kind of value the heatmap and the streak always counted.
 *
 * Zone rules come only from the platform's ICU data through `Intl.DateTimeFormat` (tz 2025c on
 * Node 20 here): nothing below adds or subtracts offsets by hand, so DST changes and date-line
 * jumps (Pacific/Kiritimati skipped 1994-12-31, Pacific/Apia 2011-12-30) are the tz database's.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The zone of a learner who has not chosen one and whose browser has not reported one. */
export const DEFAULT_TIME_ZONE = "UTC";

// One formatter per zone: building an Intl.DateTimeFormat costs far more than using one.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Gregorian calendar and Latin digits whatever the host's default locale is.
    formatter = new Intl.DateTimeFormat("en-US-u-ca-gregory-nu-latn", { timeZone, year: "numeric", month: "numeric", day: "numeric" });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

let supported: ReadonlySet<string> | null = null;

/**
 * Every zone a learner may pick: the platform's IANA list (`Intl.supportedValuesOf`), plus "UTC",
 * which the list leaves out as an alias of Etc/UTC but which people look for by that name. Sorted.
 */
export function listTimeZones(): string[] {
  return [...supportedTimeZones()].sort();
}

function supportedTimeZones(): ReadonlySet<string> {
  supported ??= new Set([...Intl.supportedValuesOf("timeZone"), DEFAULT_TIME_ZONE]);
  return supported;
}

/**
 * The zone's name as the platform spells it (`asia/shanghai` → `Asia/Shanghai`), or null when it
 * is not an IANA zone: an unknown name, an offset such as `+08:00` (a fixed offset ignores DST,
 * so a learner in a DST zone would drift), or anything else. A name the platform accepts but leaves
 * out of its list (a newer alias such as Asia/Kolkata on an older ICU) is kept as resolved.
 */
export function normalizeTimeZone(name: string): string | null {
  const known = normalized.get(name);
  if (known !== undefined) return known;
  const zone = resolveTimeZone(name);
  // Every review.next asks about its learner's zone: remember the answers (a few hundred names at most).
  if (normalized.size < MAX_REMEMBERED) normalized.set(name, zone);
  return zone;
}

const normalized = new Map<string, string | null>();
const MAX_REMEMBERED = 1000;

function resolveTimeZone(name: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name)) return null;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  if (supportedTimeZones().has(resolved)) return resolved;
  // Offsets resolve to themselves ("+08:00"); IANA names have a region or are UTC-like.
  return /^[A-Za-z]/.test(resolved) && !/^(GMT|UTC)[+-]/i.test(resolved) ? resolved : null;
}

/** The zone days are counted in: the learner's, or UTC until they have one. */
export function timeZoneOrDefault(timeZone: string | null | undefined): string {
  return (timeZone && normalizeTimeZone(timeZone)) ?? DEFAULT_TIME_ZONE;
}

/** The local calendar day of `instant` in `timeZone`, as whole days since 1970-01-01. */
export function dayNumberIn(instant: Date, timeZone: string): number {
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type === "year") year = Number(part.value);
    else if (part.type === "month") month = Number(part.value);
    else if (part.type === "day") day = Number(part.value);
  }
  // A calendar date, not an instant: the UTC calendar only counts the days to it (setUTCFullYear,
  // unlike Date.UTC, leaves years 0–99 alone).
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / DAY_MS);
}

/** `YYYY-MM-DD` of a day number. */
export function dayKeyOf(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** 0 Sunday … 6 Saturday of a day number (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

// No zone is more than 15 hours from UTC (LMT offsets included): the local day `d` starts within
// this distance of UTC midnight of the same date.
const WIDEST_OFFSET_MS = 16 * 60 * 60 * 1000;

/**
 * The first instant of local day `dayNumber` in `timeZone`: local midnight, or the first instant
 * after it where midnight does not exist (a DST change at 00:00 starts the day at 01:00), or the
 * start of the next day for a day the zone skipped. Found by bisection over instants with
 * `dayNumberIn` as the oracle (local days never go backwards), exact to the millisecond.
 */
export function startOfDayIn(dayNumber: number, timeZone: string): Date {
  const key = `${timeZone} ${dayNumber}`;
  const known = dayStarts.get(key);
  if (known !== undefined) return new Date(known);
  const start = bisectStartOfDay(dayNumber, timeZone);
  // Every review call asks for today's bounds: a pure function of (zone, day), worth keeping.
  if (dayStarts.size >= MAX_DAY_STARTS) dayStarts.clear();
  dayStarts.set(key, start.getTime());
  return start;
}

// About fifty formatToParts calls per bisection; a day's start is asked for again and again.
const dayStarts = new Map<string, number>();
const MAX_DAY_STARTS = 10_000;

function bisectStartOfDay(dayNumber: number, timeZone: string): Date {
  let before = dayNumber * DAY_MS - WIDEST_OFFSET_MS;
  let from = dayNumber * DAY_MS + WIDEST_OFFSET_MS;
  while (from - before > 1) {
    const middle = Math.floor((before + from) / 2);
    if (dayNumberIn(new Date(middle), timeZone) >= dayNumber) from = middle;
    else before = middle;
  }
  return new Date(from);
}

/** Today's day number for a learner at `now`, and the instants it starts and ends. */
export function learnerDay(now: Date, timeZone: string): { today: number; start: Date; end: Date } {
  const today = dayNumberIn(now, timeZone);
  return { today, start: startOfDayIn(today, timeZone), end: startOfDayIn(today + 1, timeZone) };
}

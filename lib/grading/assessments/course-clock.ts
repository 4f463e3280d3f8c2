/**
 * Instructors set dates as a wall clock in the course's time zone ("2026-12-10T17:00" in
 * Asia/Shanghai); the server stores instants. Zone rules come from the platform's ICU data
 * (`Intl.DateTimeFormat`), never from offsets added by hand, so DST is the tz database's.
 */
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US-u-ca-gregory-nu-latn", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** "YYYY-MM-DDTHH:mm" as the clocks of `timeZone` show `instant`. */
export function wallClockOf(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** Whether `text` is a wall clock this module reads (a real calendar date and time). */
export function isWallClock(text: string): boolean {
  const match = WALL_CLOCK.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const utc = new Date(Date.UTC(year, month - 1, day, hour, minute));
  return utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day && hour < 24 && minute < 60;
}

/**
 * The instant at which the clocks of `timeZone` show `wallClock`. A time the zone skips (the hour
 * DST jumps over) is read as the same time after the jump; a time it shows twice, as the first.
 */
export function instantOf(wallClock: string, timeZone: string): Date {
  if (!isWallClock(wallClock)) throw new RangeError(`${JSON.stringify(wallClock)} is not a date and time (YYYY-MM-DDTHH:mm)`);
  const [year, month, day, hour, minute] = WALL_CLOCK.exec(wallClock)!.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const offsetAt = (instant: number) => {
    const shown = wallClockOf(new Date(instant), timeZone);
    const [y, mo, d, h, mi] = WALL_CLOCK.exec(shown)!.slice(1).map(Number) as [number, number, number, number, number];
    return Date.UTC(y, mo - 1, d, h, mi) - instant;
  };
  // The offset before and after the guess: they differ only near a DST change.
  const early = asUtc - offsetAt(asUtc - 86_400_000);
  const late = asUtc - offsetAt(asUtc + 86_400_000);
  const candidates = [early, late].filter((instant) => wallClockOf(new Date(instant), timeZone) === wallClock).sort((a, b) => a - b);
  if (candidates.length > 0) return new Date(candidates[0]!);
  // Skipped by the zone: the same reading after the jump.
  return new Date(Math.max(early, late));
}

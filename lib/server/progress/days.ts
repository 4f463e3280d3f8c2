/**
 * Calendar days for the progress page: the learner's days, counted in their time zone by
 * lib/srs/days.ts (day numbers: consecutive local days differ by exactly 1).
 */
export { DAY_MS, dayKeyOf, dayNumberIn } from "@/lib/srs/days";

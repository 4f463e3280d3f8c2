import { z } from "zod";
import { normalizeTimeZone } from "@/lib/srs/days";

/**
 * An IANA zone name as the platform knows it (`Asia/Shanghai`, `UTC`), for a learner's days and a
 * course's deadlines; stored in the platform's spelling, so `asia/shanghai` becomes `Asia/Shanghai`.
 */
export const timeZoneSchema = z
  .string()
  .max(100, "must be an IANA time zone such as Asia/Shanghai")
  .transform((name, context) => {
    const zone = normalizeTimeZone(name.trim());
    if (zone === null) {
      context.addIssue({ code: "custom", message: "must be an IANA time zone such as Asia/Shanghai or UTC" });
      return z.NEVER;
    }
    return zone;
  });

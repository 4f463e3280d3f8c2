import type { PrismaClient } from "@/lib/db";
import type { SchedulerSettings } from "@/lib/srs";

/** How this learner's reviews are scheduled: their desired retention and parameters. */
export async function schedulerSettingsOf(db: PrismaClient, userId: string, fuzz: boolean): Promise<SchedulerSettings> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { desiredRetention: true, fsrsParameters: true },
  });
  return { desiredRetention: user.desiredRetention, parameters: user.fsrsParameters, fuzz };
}

import type { PrismaClient } from "@/lib/db";
import type { Auth } from "./create-auth";

export const DEMO_PASSWORD = "stride-demo";

export const DEMO_ACCOUNTS = [
  { email: "learner@example.com", name: "Demo Learner", role: "learner" },
  { email: "instructor@example.com", name: "Demo Instructor", role: "instructor" },
  // Registers LMS platforms (/admin/lti) on a demo, as `stride admin add` makes one elsewhere.
  { email: "admin@example.com", name: "Demo Admin", role: "admin" },
] as const;

/**
 * Demo accounts are for trying Stride on a laptop; a production deployment gets them only when
 * its operator asks (STRIDE_DEMO=1), because their password is printed on the sign-in page.
 */
export function demoAccountsAllowed({ nodeEnv, strideDemo }: { nodeEnv: string | undefined; strideDemo: string | undefined }): boolean {
  if (strideDemo === "1") return true;
  if (strideDemo === "0") return false;
  return nodeEnv !== "production";
}

/**
 * Creates the demo accounts that do not exist yet; returns the e-mails it created. Safe to repeat
 * and to race (lib/server/startup/prepare-database.ts serialises instances, and this still holds
 * without it): a sign-up that loses to another process's finds the account there and moves on,
 * and the role is set either way.
 */
export async function seedDemoAccounts({ auth, prisma }: { auth: Auth; prisma: PrismaClient }): Promise<string[]> {
  const created: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const existing = await prisma.user.findUnique({ where: { email: account.email }, select: { id: true } });
    if (existing) continue;
    try {
      await auth.api.signUpEmail({ body: { email: account.email, password: DEMO_PASSWORD, name: account.name } });
      created.push(account.email);
    } catch (error) {
      const raced = await prisma.user.findUnique({ where: { email: account.email }, select: { id: true } });
      if (!raced) throw error;
    }
    await prisma.user.update({ where: { email: account.email }, data: { role: account.role, emailVerified: true } });
  }
  return created;
}

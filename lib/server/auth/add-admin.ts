import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { z } from "zod";
import type { PrismaClient } from "@/lib/db";
import { AppError } from "../errors";
import { uniqueViolationOf } from "../reviews/unique-violation";

/** better-auth's e-mail-and-password account row (its `providerId`), as sign-up writes it. */
const CREDENTIAL_PROVIDER = "credential";

/** create-auth.ts's password bounds. */
const PASSWORD_MIN = 8;
const PASSWORD_MAX = 128;

const addAdminInput = z.object({
  // better-auth keeps e-mails in lower case (its sign-up lowercases them); so do we.
  email: z.string().trim().toLowerCase().email("must be an email address").max(320, "is at most 320 characters"),
  name: z.string().trim().min(1, "must not be empty").max(200, "is at most 200 characters").optional(),
  password: z.string().min(PASSWORD_MIN, `is at least ${PASSWORD_MIN} characters`).max(PASSWORD_MAX, `is at most ${PASSWORD_MAX} characters`).optional(),
});

export interface AddedAdmin {
  userId: string;
  email: string;
  /** A new account (true) or an existing one promoted (false). */
  created: boolean;
  /** Whether the account's password was set now (given, or generated for a new account). */
  passwordSet: boolean;
  /** The password made up for a new account given none: shown once, stored only as a hash. */
  generatedPassword?: string;
}

/**
 * Makes `email` an admin (role "admin": who may authorise an LTI Dynamic Registration and manage
 * platforms). An existing account is promoted, its password replaced only when one is given; a new
 * one is made the way better-auth's sign-up makes it (a user row and a "credential" account with
 * better-auth's scrypt hash), e-mail verified like the demo accounts, with the given password or
 * a generated one. Racing another creation of the same e-mail, it promotes the winner's account.
 */
export async function addAdmin({
  db,
  email,
  name,
  password,
}: {
  db: PrismaClient;
  email: string;
  name?: string;
  password?: string;
}): Promise<AddedAdmin> {
  const parsed = addAdminInput.safeParse({ email, name, password });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? "email");
    throw new AppError("BAD_INPUT", `${field}: ${issue?.message ?? "is invalid"}`, { field });
  }
  const input = parsed.data;
  const hash = input.password ? await hashPassword(input.password) : undefined;

  const existing = await findByEmail(db, input.email);
  if (!existing) {
    // 96 random bits, base64url: 16 characters a person can copy.
    const generatedPassword = input.password ? undefined : randomBytes(12).toString("base64url");
    const newHash = hash ?? (await hashPassword(generatedPassword as string));
    const userId = randomUUID();
    try {
      await db.user.create({
        data: {
          id: userId,
          email: input.email,
          name: input.name ?? input.email.split("@")[0] ?? input.email,
          emailVerified: true,
          role: "admin",
          accounts: {
            create: { id: randomUUID(), accountId: userId, providerId: CREDENTIAL_PROVIDER, password: newHash },
          },
        },
      });
      return { userId, email: input.email, created: true, passwordSet: true, ...(generatedPassword ? { generatedPassword } : {}) };
    } catch (error) {
      if (uniqueViolationOf(error) === null) throw error;
    }
  }
  const user = existing ?? (await findByEmail(db, input.email));
  if (!user) throw new Error(`the account ${input.email} vanished while it was being made an admin`);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { role: "admin", ...(input.name ? { name: input.name } : {}) } });
    if (!hash) return;
    const updated = await tx.account.updateMany({ where: { userId: user.id, providerId: CREDENTIAL_PROVIDER }, data: { password: hash } });
    if (updated.count === 0) {
      await tx.account.create({ data: { id: randomUUID(), accountId: user.id, providerId: CREDENTIAL_PROVIDER, userId: user.id, password: hash } });
    }
  });
  return { userId: user.id, email: user.email, created: false, passwordSet: Boolean(hash) };
}

function findByEmail(db: PrismaClient, email: string) {
  return db.user.findFirst({ where: { email: { equals: email, mode: "insensitive" } }, select: { id: true, email: true } });
}

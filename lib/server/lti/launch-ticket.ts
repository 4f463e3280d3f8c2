import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import type { PrismaClient } from "@/lib/db";

/**
 * The one-time ticket of a launch whose session cookie the browser may have refused (a frame that
 * blocks every third-party cookie, launch-session.ts): the launch's landing step
 * (/lti/launch/continue) either finds the session and goes on, or offers to open Stride in a new
 * window, where posting the ticket opens a first-party session. Kept in better-auth's
 * verifications table, like its own one-time tokens (a password reset's): only the SHA-256 of the
 * ticket is stored, it lives five minutes, and the row is deleted by whichever use comes first.
 */
export const LAUNCH_TICKET_SECONDS = 5 * 60;
const PREFIX = "lti-launch:";

const ticketValue = z.object({ userId: z.string(), target: z.string(), locale: z.string() });
export type LaunchTicket = z.infer<typeof ticketValue>;

function identifierOf(ticket: string): string {
  return `${PREFIX}${createHash("sha256").update(ticket).digest("hex")}`;
}

export async function issueLaunchTicket({ db, ticket: value, now }: { db: PrismaClient; ticket: LaunchTicket; now: Date }): Promise<string> {
  const ticket = randomBytes(32).toString("base64url");
  // Tickets nobody used (the frame kept its cookie and the person closed the page) go with the next launch.
  await db.verification.deleteMany({ where: { identifier: { startsWith: PREFIX }, expiresAt: { lt: now } } });
  await db.verification.create({
    data: { id: randomUUID(), identifier: identifierOf(ticket), value: JSON.stringify(value), expiresAt: new Date(now.getTime() + LAUNCH_TICKET_SECONDS * 1000), createdAt: now, updatedAt: now },
  });
  return ticket;
}

async function findTicket(db: PrismaClient, ticket: string, now: Date) {
  if (!ticket || ticket.length > 100) return null;
  const row = await db.verification.findFirst({ where: { identifier: identifierOf(ticket), expiresAt: { gt: now } }, select: { id: true, value: true } });
  if (!row) return null;
  const parsed = ticketValue.safeParse(JSON.parse(row.value));
  return parsed.success ? { id: row.id, value: parsed.data } : null;
}

/** The ticket's launch, while it is unused and unexpired, without using it. */
export async function peekLaunchTicket({ db, ticket, now }: { db: PrismaClient; ticket: string; now: Date }): Promise<LaunchTicket | null> {
  return (await findTicket(db, ticket, now))?.value ?? null;
}

/** Uses the ticket: its launch, once (deleting the row is the claim: of two uses, one finds it gone), else null. */
export async function redeemLaunchTicket({ db, ticket, now }: { db: PrismaClient; ticket: string; now: Date }): Promise<LaunchTicket | null> {
  const found = await findTicket(db, ticket, now);
  if (!found) return null;
  const deleted = await db.verification.deleteMany({ where: { id: found.id } });
  return deleted.count === 1 ? found.value : null;
}

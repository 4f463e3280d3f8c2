import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from "jose";
import type { Prisma, PrismaClient } from "@/lib/db";
import { uniqueViolationOf } from "../reviews/unique-violation";

/**
 * Stride's own signing keys as an LTI tool (table lti_tool_keys): RS256, as LTI 1.3 requires of
 * every message (1EdTech Security Framework §6.1). They sign deep-linking responses and the
 * client assertions of the AGS/NRPS token requests; platforms verify them against the public
 * half served at /lti/jwks. Private keys never leave the server: only `signingKey` returns one,
 * as a non-extractable CryptoKey. No `server-only` here: `stride lti key rotate` runs in plain Node.
 */

export const TOOL_KEY_ALG = "RS256";

/** How long a rotated key stays published, so that what it signed shortly before still verifies. */
export const RETIRED_KEY_GRACE_MS = 14 * 24 * 60 * 60 * 1000;

/** A public key as /lti/jwks serves it (RFC 7517 §4; `kid` is its RFC 7638 thumbprint). */
export interface ToolPublicJwk extends JWK {
  kty: "RSA";
  kid: string;
  alg: typeof TOOL_KEY_ALG;
  use: "sig";
  n: string;
  e: string;
}

export interface ToolJwks {
  keys: ToolPublicJwk[];
}

/** The key Stride signs with now: put `kid` in the JWS header (`setProtectedHeader({ alg, kid })`). */
export interface ToolSigningKey {
  kid: string;
  alg: typeof TOOL_KEY_ALG;
  privateKey: CryptoKey;
}

/** The unique index that admits one current key (model LtiToolKey's `current`). */
const ONE_CURRENT_KEY = "lti_tool_keys_current_key";

interface NewKey {
  kid: string;
  publicJwk: ToolPublicJwk;
  privateJwk: JWK;
}

/** A fresh 2048-bit RSA pair (RFC 7518 §3.3's minimum), as JWKs named by their thumbprint. */
async function generateToolKey(): Promise<NewKey> {
  const { publicKey, privateKey } = await generateKeyPair(TOOL_KEY_ALG, { modulusLength: 2048, extractable: true });
  const publicPart = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicPart, "sha256");
  const { n, e } = publicPart;
  if (!n || !e) throw new Error("jose exported an RSA public key without n or e");
  const publicJwk: ToolPublicJwk = { kty: "RSA", kid, alg: TOOL_KEY_ALG, use: "sig", n, e };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: TOOL_KEY_ALG, use: "sig" };
  return { kid, publicJwk, privateJwk };
}

function rowOf(key: NewKey, now: Date) {
  const json = (jwk: JWK) => jwk as Prisma.InputJsonObject;
  return { kid: key.kid, publicJwk: json(key.publicJwk), privateJwk: json(key.privateJwk), current: true, createdAt: now };
}

interface StoredKey {
  kid: string;
  publicJwk: ToolPublicJwk;
  privateJwk: JWK;
}

async function readCurrentKey(db: PrismaClient): Promise<StoredKey | null> {
  const row = await db.ltiToolKey.findFirst({ where: { current: true }, select: { kid: true, publicJwk: true, privateJwk: true } });
  return row ? { kid: row.kid, publicJwk: row.publicJwk as unknown as ToolPublicJwk, privateJwk: row.privateJwk as unknown as JWK } : null;
}

/**
 * The current key, created on first use. Two processes that both find none both generate one;
 * the unique index on `current` lets one insert win, and the other reads the winner's back, so
 * every process signs with the same key.
 */
async function currentToolKey({ db, now }: { db: PrismaClient; now: Date }): Promise<StoredKey> {
  const existing = await readCurrentKey(db);
  if (existing) return existing;
  const fresh = await generateToolKey();
  try {
    await db.ltiToolKey.create({ data: rowOf(fresh, now) });
    return fresh;
  } catch (error) {
    if (uniqueViolationOf(error) === null) throw error;
    const winner = await readCurrentKey(db);
    if (!winner) throw error;
    return winner;
  }
}

/**
 * Makes a new current key. The previous one is retired (no longer signs) but stays published for
 * RETIRED_KEY_GRACE_MS; keys retired longer ago are deleted. Two rotations at once both succeed,
 * one after the other (the loser of the unique index tries again). Returns the new and the
 * retired key ids.
 */
export async function rotateToolKey({ db, now }: { db: PrismaClient; now: Date }): Promise<{ kid: string; retiredKid: string | null }> {
  const fresh = await generateToolKey();
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.$transaction(async (tx) => {
        const previous = await tx.ltiToolKey.findFirst({ where: { current: true }, select: { kid: true } });
        if (previous) await tx.ltiToolKey.updateMany({ where: { kid: previous.kid, current: true }, data: { current: null, retiredAt: now } });
        await tx.ltiToolKey.create({ data: rowOf(fresh, now) });
        await tx.ltiToolKey.deleteMany({ where: { current: null, retiredAt: { lt: new Date(now.getTime() - RETIRED_KEY_GRACE_MS) } } });
        return { kid: fresh.kid, retiredKid: previous?.kid ?? null };
      });
    } catch (error) {
      if (uniqueViolationOf(error) !== ONE_CURRENT_KEY || attempt >= 3) throw error;
    }
  }
}

/**
 * Stride's JWKS (RFC 7517 §5): the current key first, then the keys retired within the grace
 * period. Creates the first key when there is none, so a platform that fetches the JWKS before
 * Stride ever signed finds the key it will see.
 */
export async function publicJwks({ db, now }: { db: PrismaClient; now: Date }): Promise<ToolJwks> {
  await currentToolKey({ db, now });
  const rows = await db.ltiToolKey.findMany({
    where: { OR: [{ current: true }, { retiredAt: { gt: new Date(now.getTime() - RETIRED_KEY_GRACE_MS) } }] },
    select: { publicJwk: true, current: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
  const ordered = [...rows.filter((row) => row.current), ...rows.filter((row) => !row.current)];
  // An allow-list of the public members, so nothing private is ever published by accident.
  const keys = ordered.map(({ publicJwk }) => {
    const { kty, kid, alg, use, n, e } = publicJwk as unknown as ToolPublicJwk;
    return { kty, kid, alg, use, n, e };
  });
  return { keys };
}

// Imported private keys by kid: a key never changes once made, so one import a process suffices.
const imported = new Map<string, Promise<CryptoKey>>();

/** The key to sign with now (created on first use), as a non-extractable CryptoKey. */
export async function signingKey({ db, now }: { db: PrismaClient; now: Date }): Promise<ToolSigningKey> {
  const key = await currentToolKey({ db, now });
  let privateKey = imported.get(key.kid);
  if (!privateKey) {
    privateKey = importJWK(key.privateJwk, TOOL_KEY_ALG, { extractable: false }) as Promise<CryptoKey>;
    imported.set(key.kid, privateKey);
    privateKey.catch(() => imported.delete(key.kid));
  }
  return { kid: key.kid, alg: TOOL_KEY_ALG, privateKey: await privateKey };
}

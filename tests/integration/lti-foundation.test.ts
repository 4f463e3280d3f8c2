/**
 * LTI's foundation on both databases: the platform registry (lib/server/lti/platforms.ts) refuses
 * bad fields by name and a second (issuer, client id), even when two registrations race; a lone
 * issuer is found without its client id, two are ambiguous; removing takes the platform's launch
 * rows with it and leaves Stride's users. Stride's tool keys (lib/server/lti/tool-keys.ts): two
 * first uses at once make one key; a JWT signed with signingKey() verifies against publicJwks()
 * with jose, which publishes no private member (nor does the /lti/jwks route); a rotation signs
 * with a new key while the old one stays published for 14 days, then drops out.
 */
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getJwks } from "@/app/lti/jwks/route";
import { AppError } from "@/lib/server/errors";
import { addPlatform, findPlatform, getPlatform, listPlatforms, removePlatform } from "@/lib/server/lti/platforms";
import { publicJwks, RETIRED_KEY_GRACE_MS, rotateToolKey, signingKey } from "@/lib/server/lti/tool-keys";
import type { Services } from "@/lib/server/services";
import { newUser } from "./courses-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

const NOW = new Date("2026-05-01T09:00:00Z");
const holder = globalThis as typeof globalThis & { strideServices?: Services };
const DAY_MS = 24 * 60 * 60 * 1000;

const moodle = {
  issuer: "https://moodle.example.edu",
  clientId: "Xy12abc",
  name: "Moodle (faculty)",
  authLoginUrl: "https://moodle.example.edu/mod/lti/auth.php",
  accessTokenUrl: "https://moodle.example.edu/mod/lti/token.php",
  jwksUrl: "https://moodle.example.edu/mod/lti/certs.php",
  deploymentIds: ["1"],
};

async function refusalOf(call: () => Promise<unknown>): Promise<AppError> {
  try {
    await call();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("the call succeeded");
}

async function signedBy(key: Awaited<ReturnType<typeof signingKey>>, now: Date): Promise<string> {
  return new SignJWT({ "https://purl.imsglobal.org/spec/lti/claim/message_type": "LtiDeepLinkingResponse" })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: "JWT" })
    .setIssuer("stride-client-id")
    .setAudience("https://moodle.example.edu")
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(now.getTime() / 1000) + 600)
    .sign(key.privateKey);
}

describe.each(databaseKinds())("LTI foundation on %s", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });

  afterAll(async () => {
    await database?.drop();
  });

  describe("platform registry", () => {
    it("adds a platform with its fields trimmed and lists it", async () => {
      const db = database.prisma;
      const added = await addPlatform({ db, input: { ...moodle, name: " Moodle (faculty) ", deploymentIds: ["1", "2", "1"] }, allowInsecureLoopback: false });
      expect(added).toMatchObject({ ...moodle, deploymentIds: ["1", "2"] });
      expect(await getPlatform({ db, id: added.id })).toEqual(added);
      expect(await listPlatforms({ db })).toEqual([added]);
    });

    it("refuses bad fields as BAD_INPUT naming each, and writes nothing", async () => {
      const db = database.prisma;
      const refusal = await refusalOf(() =>
        addPlatform({ db, input: { ...moodle, clientId: "other", jwksUrl: "http://moodle.example.edu/certs", deploymentIds: [] }, allowInsecureLoopback: false }),
      );
      expect(refusal.code).toBe("BAD_INPUT");
      expect(refusal.field).toBe("jwksUrl");
      expect(refusal.message).toBe("jwksUrl: must use https (plain http is allowed only for a loopback host); deploymentIds: give at least one deployment id");
      expect(await db.ltiPlatform.count({ where: { clientId: "other" } })).toBe(0);
    });

    it("accepts a plain-http loopback test platform only when allowed", async () => {
      const db = database.prisma;
      const local = { ...moodle, issuer: "http://127.0.0.1:4010", clientId: "local", authLoginUrl: "http://127.0.0.1:4010/auth", accessTokenUrl: "http://127.0.0.1:4010/token", jwksUrl: "http://127.0.0.1:4010/jwks" };
      expect((await refusalOf(() => addPlatform({ db, input: local, allowInsecureLoopback: false }))).field).toBe("issuer");
      expect(await addPlatform({ db, input: local, allowInsecureLoopback: true })).toMatchObject({ issuer: "http://127.0.0.1:4010" });
    });

    it("refuses the same issuer and client id twice as CONFLICT, also when two registrations race", async () => {
      const db = database.prisma;
      const again = await refusalOf(() => addPlatform({ db, input: { ...moodle, name: "again" }, allowInsecureLoopback: false }));
      expect(again.code).toBe("CONFLICT");
      expect(again.message).toContain("issuer https://moodle.example.edu and client id Xy12abc is already registered");

      const racing = { ...moodle, clientId: "racing" };
      const outcomes = await Promise.allSettled([addPlatform({ db, input: racing, allowInsecureLoopback: false }), addPlatform({ db, input: racing, allowInsecureLoopback: false })]);
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
      const lost = outcomes.find((outcome) => outcome.status === "rejected");
      expect((lost as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
      expect(await db.ltiPlatform.count({ where: { issuer: moodle.issuer, clientId: "racing" } })).toBe(1);
    });

    it("finds a platform by issuer and client id, or by its issuer alone only when the issuer has one registration", async () => {
      const db = database.prisma;
      const canvas = await addPlatform({
        db,
        input: { ...moodle, issuer: "https://canvas.instructure.com", clientId: "10000000000001", name: "Canvas", authLoginUrl: "https://sso.canvaslms.com/api/lti/authorize_redirect" },
        allowInsecureLoopback: false,
      });
      expect(await findPlatform({ db, issuer: "https://canvas.instructure.com", clientId: "10000000000001" })).toEqual(canvas);
      expect(await findPlatform({ db, issuer: "https://canvas.instructure.com" })).toEqual(canvas);
      expect(await findPlatform({ db, issuer: "https://canvas.instructure.com", clientId: "nope" })).toBeNull();
      // Moodle has two registrations now (Xy12abc and racing): without a client id it is ambiguous.
      expect(await findPlatform({ db, issuer: moodle.issuer })).toBeNull();
      expect(await findPlatform({ db, issuer: moodle.issuer, clientId: "racing" })).toMatchObject({ clientId: "racing" });
      expect(await findPlatform({ db, issuer: "https://unknown.example.edu" })).toBeNull();
    });

    it("removes a platform with its launch rows, keeps Stride's user, and says NOT_FOUND the second time", async () => {
      const db = database.prisma;
      const platform = await addPlatform({ db, input: { ...moodle, clientId: "to-remove" }, allowInsecureLoopback: false });
      const learner = await newUser(db, "learner");
      await db.ltiUser.create({ data: { platformId: platform.id, sub: "sub-1", userId: learner.id } });
      const context = await db.ltiContext.create({ data: { platformId: platform.id, deploymentId: "1", contextId: "course-1" } });
      await db.ltiResourceLink.create({ data: { platformId: platform.id, resourceLinkId: "link-1", ltiContextId: context.id, kind: "review" } });
      await db.ltiLoginState.create({ data: { platformId: platform.id, state: "s-1", nonce: "n-1", targetLinkUri: "https://stride.example/lti/launch", expiresAt: NOW } });

      expect(await removePlatform({ db, issuer: moodle.issuer, clientId: "to-remove" })).toMatchObject({ id: platform.id });
      for (const count of [
        db.ltiUser.count({ where: { platformId: platform.id } }),
        db.ltiContext.count({ where: { platformId: platform.id } }),
        db.ltiResourceLink.count({ where: { platformId: platform.id } }),
        db.ltiLoginState.count({ where: { platformId: platform.id } }),
      ]) {
        expect(await count).toBe(0);
      }
      expect(await db.user.count({ where: { id: learner.id } })).toBe(1);
      const again = await refusalOf(() => removePlatform({ db, issuer: moodle.issuer, clientId: "to-remove" }));
      expect(again.code).toBe("NOT_FOUND");
      expect(again.message).toBe("No platform with issuer https://moodle.example.edu and client id to-remove is registered");
    });
  });

  describe("tool keys", () => {
    it("makes one key when two first uses race, and publishes it without private members", async () => {
      const db = database.prisma;
      const [first, second] = await Promise.all([signingKey({ db, now: NOW }), signingKey({ db, now: NOW })]);
      expect(first.kid).toBe(second.kid);
      expect(await db.ltiToolKey.count()).toBe(1);

      const jwks = await publicJwks({ db, now: NOW });
      expect(jwks.keys).toHaveLength(1);
      expect(Object.keys(jwks.keys[0] ?? {}).sort()).toEqual(["alg", "e", "kid", "kty", "n", "use"]);
      expect(jwks.keys[0]).toMatchObject({ kty: "RSA", kid: first.kid, alg: "RS256", use: "sig", e: "AQAB" });
      // 2048-bit modulus: 256 bytes, 342 base64url characters without padding (RFC 7518 §6.3.1.1).
      expect(jwks.keys[0]?.n).toHaveLength(342);
    });

    it("signs a JWT that verifies against the published JWKS with jose", async () => {
      const db = database.prisma;
      const key = await signingKey({ db, now: NOW });
      const token = await signedBy(key, NOW);
      const verified = await jwtVerify(token, createLocalJWKSet(await publicJwks({ db, now: NOW })), {
        issuer: "stride-client-id",
        audience: "https://moodle.example.edu",
        algorithms: ["RS256"],
        currentDate: NOW,
      });
      expect(verified.protectedHeader).toMatchObject({ alg: "RS256", kid: key.kid });
    });

    it("rotates: a new key signs, the old one stays published for 14 days and then drops out", async () => {
      const db = database.prisma;
      const before = await signingKey({ db, now: NOW });
      const oldToken = await signedBy(before, NOW);

      const rotatedAt = new Date(NOW.getTime() + DAY_MS);
      const rotation = await rotateToolKey({ db, now: rotatedAt });
      expect(rotation.retiredKid).toBe(before.kid);
      const after = await signingKey({ db, now: rotatedAt });
      expect(after.kid).toBe(rotation.kid);
      expect(after.kid).not.toBe(before.kid);
      const newToken = await signedBy(after, rotatedAt);
      expect(decodeProtectedHeader(newToken).kid).toBe(after.kid);

      const duringGrace = await publicJwks({ db, now: new Date(rotatedAt.getTime() + 13 * DAY_MS) });
      expect(duringGrace.keys.map((key) => key.kid)).toEqual([after.kid, before.kid]);
      const set = createLocalJWKSet(duringGrace);
      await expect(jwtVerify(oldToken, set, { currentDate: NOW })).resolves.toBeTruthy();
      await expect(jwtVerify(newToken, set, { currentDate: rotatedAt })).resolves.toBeTruthy();

      const afterGrace = new Date(rotatedAt.getTime() + RETIRED_KEY_GRACE_MS + 1);
      const later = await publicJwks({ db, now: afterGrace });
      expect(later.keys.map((key) => key.kid)).toEqual([after.kid]);
      await expect(jwtVerify(oldToken, createLocalJWKSet(later), { currentDate: NOW })).rejects.toMatchObject({ code: "ERR_JWKS_NO_MATCHING_KEY" });

      // A rotation after the grace period deletes the keys retired before it.
      await rotateToolKey({ db, now: afterGrace });
      expect(await db.ltiToolKey.count({ where: { kid: before.kid } })).toBe(0);
      expect(await db.ltiToolKey.count({ where: { current: true } })).toBe(1);
    });

    it("serves the JWKS at /lti/jwks: JSON, cacheable for a few minutes, the current key first", async () => {
      const db = database.prisma;
      holder.strideServices = { db, dbKind: kind, auth: undefined as never };
      try {
        const response = await getJwks();
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toContain("application/json");
        expect(response.headers.get("cache-control")).toBe("public, max-age=300");
        const body = (await response.json()) as { keys: { kid: string }[] };
        expect(body.keys[0]?.kid).toBe((await signingKey({ db, now: new Date() })).kid);
        expect(JSON.stringify(body)).not.toMatch(/"(d|p|q|dp|dq|qi)":/);
      } finally {
        delete holder.strideServices;
      }
    });

    it("two rotations at once both take effect, one after the other, leaving one current key", async () => {
      const db = database.prisma;
      const at = new Date(NOW.getTime() + 20 * DAY_MS);
      const [one, two] = await Promise.all([rotateToolKey({ db, now: at }), rotateToolKey({ db, now: at })]);
      expect(one.kid).not.toBe(two.kid);
      expect(await db.ltiToolKey.count({ where: { current: true } })).toBe(1);
      const current = await signingKey({ db, now: at });
      expect([one.kid, two.kid]).toContain(current.kid);
    });
  });
});

import "server-only";
import { createRemoteJWKSet, type JWTVerifyGetKey } from "jose";

/**
 * A platform's public keys, fetched from its JWKS URL by jose's remote key set, which keeps them
 * (ten minutes), refetches on a `kid` it has not seen (a platform that rotated its key) at most
 * every 30 s, and times out after 5 s. One set per URL for the life of the process, so launches
 * do not fetch the keys each time. A platform whose URL changes gets a new set.
 */
const holder = globalThis as typeof globalThis & { strideLtiKeySets?: Map<string, JWTVerifyGetKey> };

export function platformKeySet(jwksUrl: string): JWTVerifyGetKey {
  holder.strideLtiKeySets ??= new Map();
  let keySet = holder.strideLtiKeySets.get(jwksUrl);
  if (!keySet) {
    keySet = createRemoteJWKSet(new URL(jwksUrl), { timeoutDuration: 5_000, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
    holder.strideLtiKeySets.set(jwksUrl, keySet);
  }
  return keySet;
}

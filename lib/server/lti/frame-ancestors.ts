import type { PrismaClient } from "@/lib/db";

/**
 * Which sites may show Stride in a frame (CSP `frame-ancestors`, set by proxy.ts): besides
 * STRIDE_FRAME_ANCESTORS, the origins of the registered LMS platforms (their issuer and their
 * OIDC login endpoint: an LMS shows its pages on one of those), so that a registered LMS can
 * embed the launch and the pages it opens with no configuration.
 *
 * The proxy cannot wait on the database for every page, so the origins are kept in memory and
 * read again at most every FRAME_ANCESTORS_TTL_MS (stale-while-revalidate: a page is answered with
 * the list in hand while the next is read). A registration, an addition or a removal on this
 * instance forgets the list at once (forgetPlatformOrigins); other instances follow within the TTL.
 * The database is the one this server opened (lib/server/services.ts keeps it on globalThis), so
 * the proxy imports no database code; before the server's first use of it, only
 * STRIDE_FRAME_ANCESTORS applies.
 *
 * /lti/register is opened by an LMS that is not registered yet, inside its own dialog: it may be
 * framed by any https site (and plain-http loopback ones where those platforms are allowed). It
 * acts only for the holder of a one-time token, or for an admin, whose session cookie a
 * cross-site frame does not carry (SameSite=Lax), so framing it lends an attacker nothing.
 */

export const FRAME_ANCESTORS_TTL_MS = 60_000;

/** Pages an LMS never frames: they keep STRIDE_FRAME_ANCESTORS alone. */
const NEVER_FRAMED_BY_PLATFORMS = ["/admin", "/sign-up", "/forgot-password", "/reset-password", "/settings"];

interface Holder {
  strideLtiFrameAncestors?: { origins: string[]; loadedAt: number; loading: Promise<void> | null };
  strideServices?: { db: PrismaClient };
}

const holder = globalThis as typeof globalThis & Holder;

/** The CSP source expressions (origins) of platforms' URLs, each once, sorted. */
export function platformOrigins(platforms: { issuer: string; authLoginUrl: string }[]): string[] {
  const origins = new Set<string>();
  for (const platform of platforms) {
    for (const url of [platform.issuer, platform.authLoginUrl]) {
      try {
        const { protocol, origin, hostname } = new URL(url);
        // A CSP host source cannot be an IPv6 address (CSP 3 §2.3.1): such a platform is left out.
        if ((protocol === "https:" || protocol === "http:") && !hostname.startsWith("[")) origins.add(origin);
      } catch {
        // The registry accepts only absolute URLs; anything else is skipped, never a source.
      }
    }
  }
  return [...origins].sort();
}

async function load(db: PrismaClient, now: number): Promise<void> {
  const cache = holder.strideLtiFrameAncestors;
  let origins = cache?.origins ?? [];
  try {
    origins = platformOrigins(await db.ltiPlatform.findMany({ select: { issuer: true, authLoginUrl: true } }));
  } catch {
    // Keep the list in hand (or none); try again after the TTL.
  }
  // A forget meanwhile (a registration) made a new cache: that one reads again itself.
  if (holder.strideLtiFrameAncestors === cache && cache) holder.strideLtiFrameAncestors = { origins, loadedAt: now, loading: null };
}

/**
 * The registered platforms' origins: the list in hand, read again when older than the TTL. The
 * first read waits (at most `firstWaitMs`); later ones never wait for the database.
 */
export async function registeredPlatformOrigins({ now = Date.now(), db = holder.strideServices?.db, firstWaitMs = 1_000 }: { now?: number; db?: PrismaClient; firstWaitMs?: number } = {}): Promise<string[]> {
  if (!db) return holder.strideLtiFrameAncestors?.origins ?? [];
  let cache = holder.strideLtiFrameAncestors;
  const first = !cache;
  if (!cache) {
    cache = { origins: [], loadedAt: -Infinity, loading: null };
    holder.strideLtiFrameAncestors = cache;
  }
  if (now - cache.loadedAt >= FRAME_ANCESTORS_TTL_MS && !cache.loading) cache.loading = load(db, now);
  if (first && cache.loading) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([cache.loading, new Promise((resolve) => (timer = setTimeout(resolve, firstWaitMs)))]);
    clearTimeout(timer);
  }
  return holder.strideLtiFrameAncestors?.origins ?? [];
}

/** After a platform is registered, added or removed here: the next page reads the list again. */
export function forgetPlatformOrigins(): void {
  delete holder.strideLtiFrameAncestors;
}

/**
 * The frame-ancestors sources of a page: STRIDE_FRAME_ANCESTORS, plus the registered platforms'
 * origins on pages an LMS frames (every page but the admin's and the account's), or any https
 * site on /lti/register.
 */
export function frameAncestorsFor({
  pathname,
  configured,
  platformOrigins: origins,
  allowInsecureLoopback,
}: {
  pathname: string;
  configured: string;
  platformOrigins: readonly string[];
  allowInsecureLoopback: boolean;
}): string {
  const sources = configured.trim().split(/\s+/).filter(Boolean);
  if (pathname === "/lti/register") {
    sources.push("https:");
    // CSP host sources cannot name an IPv6 address ([::1]): localhost and 127.0.0.1 only.
    if (allowInsecureLoopback) sources.push("http://localhost:*", "http://127.0.0.1:*");
  } else if (!NEVER_FRAMED_BY_PLATFORMS.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))) {
    sources.push(...origins);
  }
  const unique = [...new Set(sources)];
  // 'none' cannot stand beside other sources (CSP 3 §2.3.1): with any other, it is dropped.
  const withoutNone = unique.length > 1 ? unique.filter((source) => source !== "'none'") : unique;
  return withoutNone.join(" ") || "'self'";
}

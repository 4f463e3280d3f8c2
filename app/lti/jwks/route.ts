import { publicJwks } from "@/lib/server/lti/tool-keys";
import { getLogger } from "@/lib/server/observability/logger";
import { getServices } from "@/lib/server/services";

export const dynamic = "force-dynamic";

/**
 * Stride's public keys as an LTI tool (RFC 7517 JWK Set): platforms verify Stride's deep-linking
 * responses and token-request assertions against them. Public, cacheable for five minutes: a
 * rotated key stays published for 14 days (lib/server/lti/tool-keys.ts), far longer than any cache.
 */
export async function GET() {
  try {
    const { db } = getServices();
    const jwks = await publicJwks({ db, now: new Date() });
    return Response.json(jwks, { headers: { "cache-control": "public, max-age=300" } });
  } catch (error) {
    getLogger().error({ err: error }, "LTI JWKS could not be read");
    return Response.json({ error: "The keys are unavailable; try again shortly." }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}

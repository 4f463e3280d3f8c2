import { env } from "@/lib/env";
import { baseUrlOf, trustedOriginsOf } from "@/lib/server/auth/origins";
import { handleLinkChoicePost, handleLinkChoiceRequest } from "@/lib/server/lti/link-choice-request";
import { getLogger } from "@/lib/server/observability/logger";
import { getServices } from "@/lib/server/services";

export const dynamic = "force-dynamic";

/** An instructor's first launch from an LMS course: keep the course it made, or link one of theirs (lib/server/lti/link-choice.ts). */
export async function GET(request: Request) {
  const { db, auth } = getServices();
  const config = env();
  return handleLinkChoiceRequest({ request, db, auth, baseUrl: baseUrlOf(config), trustedOrigins: trustedOriginsOf(config), logger: getLogger() });
}

/** The choice's form post (same-origin only). */
export async function POST(request: Request) {
  const { db, auth } = getServices();
  const config = env();
  return handleLinkChoicePost({ request, db, auth, baseUrl: baseUrlOf(config), trustedOrigins: trustedOriginsOf(config), logger: getLogger() });
}

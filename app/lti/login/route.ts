import { env } from "@/lib/env";
import { baseUrlOf } from "@/lib/server/auth/origins";
import { handleLoginRequest } from "@/lib/server/lti/login-request";
import { getLogger } from "@/lib/server/observability/logger";
import { getServices } from "@/lib/server/services";

export const dynamic = "force-dynamic";

/** LTI 1.3 OIDC login initiation by GET (lib/server/lti/login-request.ts). */
export async function GET(request: Request) {
  return handleLoginRequest({ request, db: getServices().db, baseUrl: baseUrlOf(env()), logger: getLogger() });
}

/** The same by POST: a platform may send the initiation either way (LTI 1.3 Core §5.1.1.1). */
export async function POST(request: Request) {
  return handleLoginRequest({ request, db: getServices().db, baseUrl: baseUrlOf(env()), logger: getLogger() });
}

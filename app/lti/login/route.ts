import { env } from "@/lib/env";
import { baseUrlOf } from "@/lib/server/auth/origins";
import { handleLoginRequest } from "@/lib/server/lti/login-request";
import { getLogger } from "@/lib/server/observability/logger";
import { getServices } from "@/lib/server/services";

export const dynamic = "force-dynamic";

/** LTI 1.3 OIDC login initiation (lib/server/lti/login-request.ts): GET and POST alike. */
function login(request: Request) {
  return handleLoginRequest({ request, db: getServices().db, baseUrl: baseUrlOf(env()), logger: getLogger() });
}

export { login as GET, login as POST };

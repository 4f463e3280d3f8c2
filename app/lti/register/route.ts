import { env } from "@/lib/env";
import { baseUrlOf, trustedOriginsOf } from "@/lib/server/auth/origins";
import { insecureLoopbackAllowed } from "@/lib/server/lti/platform-input";
import { handleRegistrationPost, handleRegistrationRequest } from "@/lib/server/lti/registration-request";
import { getLogger } from "@/lib/server/observability/logger";
import { getServices } from "@/lib/server/services";

export const dynamic = "force-dynamic";

function optionsOf(request: Request) {
  const { db, auth } = getServices();
  const config = env();
  return { request, db, auth, baseUrl: baseUrlOf(config), trustedOrigins: trustedOriginsOf(config), logger: getLogger(), allowInsecureLoopback: insecureLoopbackAllowed() };
}

/** LTI Dynamic Registration, opened by the LMS (lib/server/lti/registration-request.ts): the confirmation. */
export async function GET(request: Request) {
  return handleRegistrationRequest(optionsOf(request));
}

/** The confirmation's button: registers Stride with the platform. */
export async function POST(request: Request) {
  return handleRegistrationPost(optionsOf(request));
}

import { handleDeepLinkRespond } from "@/lib/server/lti/deep-link-response";
import { ltiRouteOptions } from "@/lib/server/lti/route-options";

export const dynamic = "force-dynamic";

/** The deep-linking picker's choice (or cancel): the signed response, posted on to the LMS (lib/server/lti/deep-link-response.ts); limited per address. */
export async function POST(request: Request) {
  return handleDeepLinkRespond(ltiRouteOptions(request));
}

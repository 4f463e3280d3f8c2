import { handleContinuePost, handleContinueRequest } from "@/lib/server/lti/continue-request";
import { ltiRouteOptions } from "@/lib/server/lti/route-options";

export const dynamic = "force-dynamic";

/** After a launch: on to its target when the session cookie came back, else the new-window offer (lib/server/lti/continue-request.ts); limited per address. */
export async function GET(request: Request) {
  return handleContinueRequest(ltiRouteOptions(request));
}

/** The new-window button: the one-time ticket opens a first-party session; limited per address. */
export async function POST(request: Request) {
  return handleContinuePost(ltiRouteOptions(request));
}

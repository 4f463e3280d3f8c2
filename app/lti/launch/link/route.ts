import { handleLinkChoicePost, handleLinkChoiceRequest } from "@/lib/server/lti/link-choice-request";
import { ltiRouteOptions } from "@/lib/server/lti/route-options";

export const dynamic = "force-dynamic";

/** An instructor's first launch from an LMS course: keep the course it made, or link one of theirs (lib/server/lti/link-choice.ts); limited per address. */
export async function GET(request: Request) {
  return handleLinkChoiceRequest(ltiRouteOptions(request));
}

/** The choice's form post (same-origin only); limited per address. */
export async function POST(request: Request) {
  return handleLinkChoicePost(ltiRouteOptions(request));
}

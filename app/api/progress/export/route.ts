import { progressDownload } from "@/lib/server/edge/downloads";
import { requestContextOf } from "@/lib/server/edge/request-context";

export const dynamic = "force-dynamic";

/** The signed-in learner's history as CSV or JSON (lib/server/edge/downloads.ts). */
export async function GET(request: Request) {
  return progressDownload(request, await requestContextOf(request));
}

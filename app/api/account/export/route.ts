import { accountDownload } from "@/lib/server/edge/downloads";
import { requestContextOf } from "@/lib/server/edge/request-context";

export const dynamic = "force-dynamic";

/** Everything the signed-in person owns or did, as a JSON file (lib/server/edge/downloads.ts). */
export async function GET(request: Request) {
  return accountDownload(request, await requestContextOf(request));
}

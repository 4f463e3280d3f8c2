import { courseDownload } from "@/lib/server/edge/downloads";
import { requestContextOf } from "@/lib/server/edge/request-context";

export const dynamic = "force-dynamic";

/** A course's statistics CSV or a bank's exchange file (lib/server/edge/downloads.ts). */
export async function GET(request: Request, { params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  return courseDownload(request, courseId, await requestContextOf(request));
}

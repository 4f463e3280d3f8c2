import { gradebookDownload } from "@/lib/server/edge/downloads";
import { requestContextOf } from "@/lib/server/edge/request-context";

export const dynamic = "force-dynamic";

/** The course's gradebook as a Canvas or Moodle CSV (lib/server/edge/downloads.ts). */
export async function GET(request: Request, { params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  return gradebookDownload(request, courseId, await requestContextOf(request));
}

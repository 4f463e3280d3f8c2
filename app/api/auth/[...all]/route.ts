import { handleAuthRequest } from "@/lib/server/edge/auth-request";
import { getServices } from "@/lib/server/services";

export const dynamic = "force-dynamic";

function handler(req: Request) {
  return handleAuthRequest({ req, auth: getServices().auth });
}

export { handler as GET, handler as POST };

import { getServices } from "@/lib/server/services";

export const dynamic = "force-dynamic";

function handler(req: Request) {
  return getServices().auth.handler(req);
}

export { handler as GET, handler as POST };

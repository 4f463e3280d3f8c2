import { handleApiRoute } from "@/lib/server/edge/api-route";

export const dynamic = "force-dynamic";

/** The API through Next.js (`npm run dev`); `npm start` serves the same function without Next.js's router (lib/server/http/api-server.ts). */
function handler(req: Request) {
  return handleApiRoute(req);
}

export { handler as GET, handler as POST };

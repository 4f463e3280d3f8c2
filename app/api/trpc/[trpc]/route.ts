import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { env } from "@/lib/env";
import { clientIpOf, requestIdOf } from "@/lib/server/http/request-identity";
import { appRouter } from "@/lib/server/root";
import { getServices } from "@/lib/server/services";
import { getSessionUser } from "@/lib/server/session";
import { createContext } from "@/lib/server/trpc";

export const dynamic = "force-dynamic";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () =>
      createContext({
        db: getServices().db,
        user: await getSessionUser(req.headers),
        schedulerFuzz: true,
        ip: clientIpOf(req.headers, env().STRIDE_TRUSTED_PROXY_HOPS),
        requestId: requestIdOf(req.headers),
      }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };

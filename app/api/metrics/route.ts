import { env } from "@/lib/env";
import { getMetrics } from "@/lib/server/observability/metrics";
import { metricsAccess } from "@/lib/server/observability/metrics-access";

export const dynamic = "force-dynamic";

/** Prometheus metrics (lib/server/observability/metrics.ts), also at /metrics (next.config.js). */
export async function GET(req: Request) {
  const config = env();
  const access = metricsAccess({ nodeEnv: config.NODE_ENV, token: config.STRIDE_METRICS_TOKEN, authorization: req.headers.get("authorization") });
  if (access === "off") return new Response("Not found\n", { status: 404 });
  if (access === "unauthorized") return new Response("Unauthorized\n", { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"' } });
  const { registry } = getMetrics();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
}

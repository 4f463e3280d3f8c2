import { createHash, timingSafeEqual } from "node:crypto";

export type MetricsAccess = "allowed" | "off" | "unauthorized";

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/**
 * Who may read /metrics. With STRIDE_METRICS_TOKEN set, only `Authorization: Bearer <token>`
 * (compared in constant time); without one, anybody in development, nobody in production (the
 * endpoint is off: metrics name procedures and volumes an outsider has no business seeing).
 */
export function metricsAccess({ nodeEnv, token, authorization }: { nodeEnv: string; token: string | undefined; authorization: string | null }): MetricsAccess {
  if (!token) return nodeEnv === "production" ? "off" : "allowed";
  const match = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? "");
  if (!match) return "unauthorized";
  return timingSafeEqual(digest(match[1]!), digest(token)) ? "allowed" : "unauthorized";
}

import type { Env } from "@/lib/env";

/** Where people reach the app; without STRIDE_BASE_URL, this machine on its port. */
export function baseUrlOf(config: Pick<Env, "STRIDE_BASE_URL" | "PORT">): string {
  return config.STRIDE_BASE_URL ?? `http://localhost:${config.PORT}`;
}

/**
 * Whether a browser's Origin header names this server: its base URL's origin or one of its other
 * trusted origins. A form post from anywhere else (or with no Origin) is not Stride's own.
 */
export function isOwnOrigin(origin: string | null, baseUrl: string, trustedOrigins: readonly string[] = []): boolean {
  return origin !== null && [new URL(baseUrl).origin, ...trustedOrigins].includes(origin);
}

/** A laptop reaches the same server as localhost or 127.0.0.1; both may post the sign-in form. */
export function trustedOriginsOf(config: Pick<Env, "STRIDE_BASE_URL" | "PORT">): string[] {
  if (config.STRIDE_BASE_URL) return [];
  return [`http://127.0.0.1:${config.PORT}`, `http://localhost:${config.PORT}`];
}

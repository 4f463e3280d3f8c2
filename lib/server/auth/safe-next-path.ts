/**
 * Where to go after signing in: only a path on this site, so that a crafted link
 * (`/sign-in?next=https://evil.example`) cannot send someone elsewhere.
 */
export function safeNextPath(next: string | string[] | undefined, fallback = "/review"): string {
  if (typeof next !== "string") return fallback;
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next;
}

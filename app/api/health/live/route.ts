import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

/**
 * Liveness: the process answers. No database, no other dependency, so a database outage never
 * gets a healthy process restarted; an orchestrator restarts the process only when this fails.
 */
export function GET() {
  return Response.json({ ok: true, version: packageJson.version, uptimeSeconds: Math.round(process.uptime()) });
}

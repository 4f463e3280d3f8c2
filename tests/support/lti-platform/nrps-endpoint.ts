import type { IncomingMessage, ServerResponse } from "node:http";
import { accepts, sendJson, sendText } from "./http-io";
import type { TestPlatform } from "./platform";
import { mediaType, scope } from "./vocabulary";

/** NRPS 2.0 §2.2: one member of a context's roster. */
export interface RosterMember {
  user_id: string;
  roles: string[];
  status?: "Active" | "Inactive" | "Deleted";
  name?: string;
  given_name?: string;
  family_name?: string;
  email?: string;
  picture?: string;
  lis_person_sourcedid?: string;
}

/** Whether a member holds `wanted`, given as a full role URI or as the short name after "#" (NRPS 2.0 §2.3.1). */
function hasRole(member: RosterMember, wanted: string): boolean {
  return member.roles.some((held) => held === wanted || held.endsWith(`#${wanted}`));
}

/**
 * Names and Role Provisioning Services 2.0: GET the membership container of a context
 * (application/vnd.ims.lti-nrps.v2.membershipcontainer+json), filtered by `role`, paged by `limit`
 * (or the platform's page size) with Link rel="next" (§2.4.1). Needs the contextmembership.readonly scope.
 */
export function handleMemberships(platform: TestPlatform, req: IncomingMessage, res: ServerResponse, url: URL, contextId: string): void {
  if (req.method !== "GET") return sendText(res, 405, "GET");
  if (!platform.accessTokens.authorize(req, res, [scope.contextMembershipReadOnly])) return;
  if (!accepts(req, mediaType.membershipContainer)) return sendText(res, 406, `Accept must allow ${mediaType.membershipContainer}`);
  const context = platform.contexts.get(contextId) ?? (contextId === platform.defaultContext.id ? platform.defaultContext : { id: contextId });
  const wantedRole = url.searchParams.get("role");
  const members = (platform.rosters.get(contextId) ?? [])
    .filter((member) => wantedRole === null || hasRole(member, wantedRole))
    .map((member) => ({ status: "Active" as const, ...member }));
  const limit = Number(url.searchParams.get("limit") ?? platform.nrpsPageSize ?? 0);
  const page = Number(url.searchParams.get("page") ?? "1");
  const headers: Record<string, string> = {};
  let shown = members;
  if (limit > 0) {
    shown = members.slice((page - 1) * limit, page * limit);
    if (page * limit < members.length) {
      const next = new URL(platform.urls.memberships(contextId));
      for (const [name, value] of url.searchParams) next.searchParams.set(name, value);
      next.searchParams.set("limit", String(limit));
      next.searchParams.set("page", String(page + 1));
      headers.link = `<${next.toString()}>; rel="next"`;
    }
  }
  sendJson(
    res,
    200,
    { id: `${platform.urls.memberships(contextId)}${url.search}`, context: { id: context.id, label: context.label, title: context.title }, members: shown },
    mediaType.membershipContainer,
    headers,
  );
}

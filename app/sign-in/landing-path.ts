/**
 * Where a person lands after signing in when the link they followed asked for no page: an
 * instructor's work starts at their courses, a learner's at today's reviews. A page the link did
 * ask for (a join link, a page behind sign-in) always wins.
 */
export function landingPathFor(role: unknown, requested: string | null): string {
  if (requested) return requested;
  return role === "instructor" || role === "admin" ? "/teach" : "/review";
}

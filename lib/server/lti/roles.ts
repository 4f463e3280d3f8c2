/**
 * The course role a launch's `roles` claim gives in Stride. Only context (membership) roles count:
 * LTI 1.3 Core §5.3.7 separates them from institution and system roles, and a person who is
 * faculty at the institution (institution/person#Instructor) may be a learner in this course.
 *
 * Recognised forms (Core §A.2.3, https://www.imsglobal.org/spec/lti/v1p3/#lis-vocabulary-for-context-roles):
 * - principal context roles: http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor;
 * - context sub-roles, read as their principal role:
 *   http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant;
 * - the simple names a platform may send for context roles (§A.2.3.1): "Instructor", "Learner";
 * - LTI 1.1 URNs some platforms still send: urn:lti:role:ims/lis/Instructor.
 * Instructor, TeachingAssistant, ContentDeveloper and Administrator of the context own the course;
 * everyone else (Learner, Mentor, Member, an unknown or empty role list) is a learner, the role
 * that can see least.
 */

export type CourseRole = "owner" | "learner";

const MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership";
const LTI11_URN = "urn:lti:role:ims/lis/";
const OWNER_ROLES = new Set(["Instructor", "TeachingAssistant", "ContentDeveloper", "Administrator"]);

/** The context role a roles-claim entry names ("Instructor"), or null for institution, system and unknown roles. */
export function contextRoleOf(role: string): string | null {
  const trimmed = role.trim();
  if (trimmed.startsWith(`${MEMBERSHIP}#`)) return trimmed.slice(MEMBERSHIP.length + 1) || null;
  if (trimmed.startsWith(`${MEMBERSHIP}/`)) {
    // membership/Instructor#TeachingAssistant: the principal role is the path segment.
    const principal = trimmed.slice(MEMBERSHIP.length + 1).split("#")[0];
    return principal || null;
  }
  if (trimmed.startsWith(LTI11_URN)) return trimmed.slice(LTI11_URN.length).split("/")[0] || null;
  if (/^[A-Za-z]+$/.test(trimmed)) return trimmed;
  return null;
}

/** "owner" when any context role is one that teaches or builds the course, else "learner". */
export function courseRoleOf(roles: readonly string[]): CourseRole {
  return roles.some((role) => {
    const contextRole = contextRoleOf(role);
    return contextRole !== null && OWNER_ROLES.has(contextRole);
  })
    ? "owner"
    : "learner";
}

/**
 * The names the IMS specifications give to claims, scopes, media types and role URIs, in one place
 * so that every other file of the test platform (and the tests) spells them the same way.
 *
 * Sources: LTI 1.3 Core §5 (message claims), Deep Linking 2.0 §4.4 and §4.5, Assignment and Grade
 * Services 2.0 §3 (endpoint claim, scopes, media types), Names and Role Provisioning Services 2.0
 * §3.6 (claim, scope, media type), Dynamic Registration 1.0 §3 (configuration claims).
 */

const LTI = "https://purl.imsglobal.org/spec/lti/claim/";

export const claim = {
  messageType: `${LTI}message_type`,
  version: `${LTI}version`,
  deploymentId: `${LTI}deployment_id`,
  targetLinkUri: `${LTI}target_link_uri`,
  resourceLink: `${LTI}resource_link`,
  roles: `${LTI}roles`,
  context: `${LTI}context`,
  toolPlatform: `${LTI}tool_platform`,
  launchPresentation: `${LTI}launch_presentation`,
  custom: `${LTI}custom`,
  lis: `${LTI}lis`,
  roleScopeMentor: `${LTI}role_scope_mentor`,
  agsEndpoint: "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint",
  nrpsService: "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
  deepLinkingSettings: "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings",
  contentItems: "https://purl.imsglobal.org/spec/lti-dl/claim/content_items",
  deepLinkingData: "https://purl.imsglobal.org/spec/lti-dl/claim/data",
  deepLinkingMsg: "https://purl.imsglobal.org/spec/lti-dl/claim/msg",
  deepLinkingLog: "https://purl.imsglobal.org/spec/lti-dl/claim/log",
  deepLinkingErrorMsg: "https://purl.imsglobal.org/spec/lti-dl/claim/errormsg",
  deepLinkingErrorLog: "https://purl.imsglobal.org/spec/lti-dl/claim/errorlog",
} as const;

export const LTI_VERSION = "1.3.0";

export type LaunchMessageType = "LtiResourceLinkRequest" | "LtiDeepLinkingRequest";

export const scope = {
  lineItem: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
  lineItemReadOnly: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
  resultReadOnly: "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
  score: "https://purl.imsglobal.org/spec/lti-ags/scope/score",
  contextMembershipReadOnly: "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
} as const;

export const ALL_SCOPES: readonly string[] = Object.values(scope);

export const mediaType = {
  lineItem: "application/vnd.ims.lis.v2.lineitem+json",
  lineItemContainer: "application/vnd.ims.lis.v2.lineitemcontainer+json",
  score: "application/vnd.ims.lis.v1.score+json",
  resultContainer: "application/vnd.ims.lis.v2.resultcontainer+json",
  membershipContainer: "application/vnd.ims.lti-nrps.v2.membershipcontainer+json",
} as const;

/** LIS v2 role vocabularies (LTI 1.3 Core §A.2). Context roles are the ones a course membership has. */
export const role = {
  instructor: "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
  teachingAssistant: "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant",
  learner: "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner",
  mentor: "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor",
  contentDeveloper: "http://purl.imsglobal.org/vocab/lis/v2/membership#ContentDeveloper",
  administrator: "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator",
  student: "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student",
  faculty: "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Faculty",
} as const;

/** AGS 2.0 §3.4.7 and §3.4.8: the only values a score's progress fields may take. */
export const ACTIVITY_PROGRESS = ["Initialized", "Started", "InProgress", "Submitted", "Completed"] as const;
export const GRADING_PROGRESS = ["FullyGraded", "Pending", "PendingManual", "Failed", "NotReady"] as const;

/** Dynamic Registration 1.0 §3.2 and §3.5: the configuration claims of each side. */
export const PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration";
export const TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";

/** RFC 7523 §2.2, as the LTI Security Framework 1.0 §4.1 uses it for the client-credentials grant. */
export const JWT_BEARER_ASSERTION = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

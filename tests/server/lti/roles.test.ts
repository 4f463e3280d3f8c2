import { describe, expect, it } from "vitest";
import { contextRoleOf, courseRoleOf } from "@/lib/server/lti/roles";

// Role URIs as LTI 1.3 Core §A.2 spells them (https://www.imsglobal.org/spec/lti/v1p3/#role-vocabularies).
const MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership";
const INSTITUTION = "http://purl.imsglobal.org/vocab/lis/v2/institution/person";
const SYSTEM = "http://purl.imsglobal.org/vocab/lis/v2/system/person";

describe("LTI roles", () => {
  it("makes context Instructors, TeachingAssistants, ContentDevelopers and Administrators owners", () => {
    expect(courseRoleOf([`${MEMBERSHIP}#Instructor`])).toBe("owner");
    expect(courseRoleOf([`${MEMBERSHIP}/Instructor#TeachingAssistant`])).toBe("owner");
    expect(courseRoleOf([`${MEMBERSHIP}#ContentDeveloper`])).toBe("owner");
    expect(courseRoleOf([`${MEMBERSHIP}#Administrator`])).toBe("owner");
    expect(courseRoleOf([`${MEMBERSHIP}/Administrator#ExternalSupport`])).toBe("owner");
  });

  it("makes context Learners, Mentors and Members learners", () => {
    expect(courseRoleOf([`${MEMBERSHIP}#Learner`])).toBe("learner");
    expect(courseRoleOf([`${MEMBERSHIP}/Learner#NonCreditLearner`])).toBe("learner");
    expect(courseRoleOf([`${MEMBERSHIP}#Mentor`])).toBe("learner");
    expect(courseRoleOf([`${MEMBERSHIP}#Member`])).toBe("learner");
  });

  it("reads only context roles: institution faculty and system administrators learning in a course are learners", () => {
    expect(courseRoleOf([`${INSTITUTION}#Instructor`, `${MEMBERSHIP}#Learner`])).toBe("learner");
    expect(courseRoleOf([`${INSTITUTION}#Faculty`, `${SYSTEM}#Administrator`])).toBe("learner");
    expect(courseRoleOf([`${SYSTEM}#SysAdmin`])).toBe("learner");
  });

  it("accepts simple context role names and LTI 1.1 URNs", () => {
    expect(courseRoleOf(["Instructor"])).toBe("owner");
    expect(courseRoleOf(["Learner"])).toBe("learner");
    expect(courseRoleOf(["urn:lti:role:ims/lis/TeachingAssistant"])).toBe("owner");
    expect(courseRoleOf(["urn:lti:role:ims/lis/Learner/NonCreditLearner"])).toBe("learner");
  });

  it("makes an empty or unknown role list a learner, and any owner role among several an owner", () => {
    expect(courseRoleOf([])).toBe("learner");
    expect(courseRoleOf(["http://example.com/roles#Wizard", ""])).toBe("learner");
    expect(courseRoleOf([`${MEMBERSHIP}#Learner`, `${MEMBERSHIP}#Instructor`])).toBe("owner");
  });

  it("names the principal role of a context role or sub-role, and none for other vocabularies", () => {
    expect(contextRoleOf(`${MEMBERSHIP}/Instructor#TeachingAssistant`)).toBe("Instructor");
    expect(contextRoleOf(`${MEMBERSHIP}#Learner`)).toBe("Learner");
    expect(contextRoleOf(`${INSTITUTION}#Instructor`)).toBeNull();
  });
});

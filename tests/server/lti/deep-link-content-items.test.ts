import { describe, expect, it } from "vitest";
import { buildContentItems, unsupportedRequestOf, type ContentItemSettings, type DeepLinkChoice } from "@/lib/server/lti/deep-link-content-items";
import { chosenValues, pickChoices } from "@/lib/server/lti/deep-link-response";
import { LaunchRefusal } from "@/lib/server/lti/launch-refusal";

const LAUNCH = "https://stride.example.edu/lti/launch";
const settings: ContentItemSettings = { accept_types: ["ltiResourceLink"], accept_presentation_document_targets: ["iframe", "window"], accept_multiple: true };
const homework: DeepLinkChoice = { kind: "assessment", value: "assessment:a-1", targetId: "a-1", title: "Homework 1", text: "Homework · 10 points", points: 10, tag: "homework" };
const ungraded: DeepLinkChoice = { ...homework, value: "assessment:a-2", targetId: "a-2", title: "Survey", points: 0 };
const practice: DeepLinkChoice = { kind: "practice", value: "practice:b-1", targetId: "b-1", title: "Practice: Strides", text: "Practise with the questions of Strides." };
const review: DeepLinkChoice = { kind: "review", value: "review", targetId: null, title: "Daily review", text: "Your spaced-repetition review for today." };

describe("deep-linking content items", () => {
  it("makes an assessment an ltiResourceLink at /lti/launch with its custom target and a line item of its points", () => {
    expect(buildContentItems({ choices: [homework], launchUrl: LAUNCH, settings })).toEqual([
      {
        type: "ltiResourceLink",
        title: "Homework 1",
        text: "Homework · 10 points",
        url: LAUNCH,
        custom: { stride_kind: "assessment", stride_target_id: "a-1" },
        lineItem: { scoreMaximum: 10, label: "Homework 1", resourceId: "a-1", tag: "homework" },
      },
    ]);
  });

  it("gives practice its bank and the review no target, neither a line item; an assessment worth nothing gets none either", () => {
    const items = buildContentItems({ choices: [practice, review, ungraded], launchUrl: LAUNCH, settings });
    expect(items.map((item) => item.custom)).toEqual([{ stride_kind: "practice", stride_target_id: "b-1" }, { stride_kind: "review" }, { stride_kind: "assessment", stride_target_id: "a-2" }]);
    expect(items.every((item) => item.lineItem === undefined)).toBe(true);
  });

  it("leaves out line items when the platform accepts none, and asks for a window when it shows links only in windows", () => {
    const [item] = buildContentItems({ choices: [homework], launchUrl: LAUNCH, settings: { ...settings, accept_lineitem: false, accept_presentation_document_targets: ["window"] } });
    expect(item!.lineItem).toBeUndefined();
    expect(item!.window).toEqual({ targetName: "stride" });
    expect(buildContentItems({ choices: [homework], launchUrl: LAUNCH, settings })[0]!.window).toBeUndefined();
  });

  it("says when a request takes nothing Stride places", () => {
    expect(unsupportedRequestOf(settings)).toBeNull();
    expect(unsupportedRequestOf({ ...settings, accept_types: ["link", "html"] })).toBe("type");
    expect(unsupportedRequestOf({ ...settings, accept_presentation_document_targets: ["embed"] })).toBe("presentation");
  });

  it("reads the picker's radio and checkboxes and refuses none, several where one is taken, and a choice not offered", () => {
    expect(chosenValues(new URLSearchParams("id=x&item.0=review&item.3=practice%3Ab-1&item.4=review"))).toEqual(["review", "practice:b-1"]);
    expect(chosenValues(new URLSearchParams("id=x&item=review"))).toEqual(["review"]);
    const choices = [homework, practice, review];
    expect(pickChoices({ values: ["review", "assessment:a-1"], choices, multiple: true })).toEqual([review, homework]);
    const reasonOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error instanceof LaunchRefusal ? error.reason : String(error);
      }
      return null;
    };
    expect(reasonOf(() => pickChoices({ values: [], choices, multiple: true }))).toBe("lti.deepLink.nothingChosen");
    expect(reasonOf(() => pickChoices({ values: ["review", "assessment:a-1"], choices, multiple: false }))).toBe("lti.deepLink.multipleNotAccepted");
    expect(reasonOf(() => pickChoices({ values: ["assessment:elsewhere"], choices, multiple: false }))).toBe("lti.deepLink.unknownChoice");
  });
});

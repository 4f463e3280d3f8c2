import { CUSTOM_KIND, CUSTOM_TARGET } from "./resource-link";

/**
 * What the deep-linking picker offers (deep-link-choices.ts lists them for a course): a published
 * assessment (graded, with its points), the practice of one of the course's banks, or the daily
 * review. `value` is what the picker's form sends for it.
 */
export type DeepLinkChoice =
  | { kind: "assessment"; value: string; targetId: string; title: string; text: string; points: number; tag: string }
  | { kind: "practice"; value: string; targetId: string; title: string; text: string }
  | { kind: "review"; value: string; targetId: null; title: string; text: string };

/** The part of deep_linking_settings the content items depend on (Deep Linking 2.0 §4.4.1). */
export interface ContentItemSettings {
  accept_types: string[];
  accept_presentation_document_targets: string[];
  accept_multiple?: boolean | undefined;
  accept_lineitem?: boolean | undefined;
}

/** An LTI resource link content item (Deep Linking 2.0 §3.1), as Stride returns it. */
export interface LtiResourceLinkItem {
  type: "ltiResourceLink";
  title: string;
  text: string;
  url: string;
  custom: Record<string, string>;
  lineItem?: { scoreMaximum: number; label: string; resourceId: string; tag: string };
  window?: { targetName: string };
}

/** Why a deep-linking request cannot take what Stride places, or null when it can. */
export function unsupportedRequestOf(settings: ContentItemSettings): "type" | "presentation" | null {
  if (!settings.accept_types.includes("ltiResourceLink")) return "type";
  const targets = settings.accept_presentation_document_targets;
  if (!targets.includes("iframe") && !targets.includes("window")) return "presentation";
  return null;
}

/**
 * The content items for the chosen placements: each an ltiResourceLink launching at Stride's
 * /lti/launch with `stride_kind` and `stride_target_id` as custom parameters (the launch reads
 * them, resource-link.ts), and for an assessment with points a line item (AGS 2.0 §3.2 through
 * Deep Linking §3.1.1) whose resourceId is the assessment's id, unless the platform said it takes
 * none (accept_lineitem false). Stride shows best in the LMS's frame; a platform that accepts
 * only new windows is asked for one.
 */
export function buildContentItems({ choices, launchUrl, settings }: { choices: readonly DeepLinkChoice[]; launchUrl: string; settings: ContentItemSettings }): LtiResourceLinkItem[] {
  const targets = settings.accept_presentation_document_targets;
  const inWindow = !targets.includes("iframe") && targets.includes("window");
  return choices.map((choice) => {
    const custom: Record<string, string> = { [CUSTOM_KIND]: choice.kind };
    if (choice.targetId !== null) custom[CUSTOM_TARGET] = choice.targetId;
    const item: LtiResourceLinkItem = { type: "ltiResourceLink", title: choice.title, text: choice.text, url: launchUrl, custom };
    if (choice.kind === "assessment" && choice.points > 0 && settings.accept_lineitem !== false) {
      item.lineItem = { scoreMaximum: choice.points, label: choice.title, resourceId: choice.targetId, tag: choice.tag };
    }
    if (inWindow) item.window = { targetName: "stride" };
    return item;
  });
}

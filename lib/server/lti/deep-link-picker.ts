import "server-only";
import type { PrismaClient } from "@/lib/db";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { listDeepLinkChoices } from "./deep-link-choices";
import { unsupportedRequestOf, type DeepLinkChoice } from "./deep-link-content-items";
import { findDeepLink, startDeepLink, type PendingDeepLink } from "./deep-link-session";
import { LaunchRefusal } from "./launch-refusal";

/** The picker's address; the deep-linking request waits server-side under the id it carries. */
export const DEEP_LINK_PICKER_PATH = "/lti/deep-link";

/** Keeps an instructor's deep-linking request (deep-link-session.ts) and returns the picker's path for it. */
export async function deepLinkPickerPath({ db, deepLink, now }: { db: PrismaClient; deepLink: PendingDeepLink; now: Date }): Promise<string> {
  const id = await startDeepLink({ db, deepLink, now });
  return `${DEEP_LINK_PICKER_PATH}?id=${encodeURIComponent(id)}`;
}

/**
 * The pending request `id` names, if the signed-in person may answer it; else the LaunchRefusal
 * saying why: nobody signed in, an id never made or already answered (or changed by hand), one
 * past its 30 minutes, another person's, a person no longer an owner of the linked course, or a
 * request whose platform takes nothing Stride places. Both the picker and its answer check this.
 */
export async function checkDeepLink({ db, userId, id, now }: { db: PrismaClient; userId: string | null; id: string; now: Date }): Promise<{ rowId: string; deepLink: PendingDeepLink }> {
  if (!userId) throw new LaunchRefusal("lti.deepLink.notSignedIn");
  const found = await findDeepLink({ db, id, now });
  if (found.status === "unknown") throw new LaunchRefusal("lti.deepLink.unknown");
  if (found.status === "expired") throw new LaunchRefusal("lti.deepLink.expired");
  const { deepLink } = found;
  if (deepLink.userId !== userId) throw new LaunchRefusal("lti.deepLink.otherUser", `user ${userId}`);
  const member = await db.courseMember.findUnique({ where: { courseId_userId: { courseId: deepLink.courseId, userId } }, select: { role: true } });
  if (member?.role !== "owner") throw new LaunchRefusal("lti.deepLink.notOwner", `course ${deepLink.courseId}`);
  const unsupported = unsupportedRequestOf(deepLink.settings);
  if (unsupported) throw new LaunchRefusal("lti.deepLink.unsupportedRequest", unsupported);
  return { rowId: found.rowId, deepLink };
}

export interface DeepLinkPicker {
  id: string;
  locale: Locale;
  courseTitle: string;
  /** The platform accepts several items (accept_multiple): checkboxes, else radio buttons. */
  multiple: boolean;
  /** The platform's title for the activity being added, if it sent one. */
  requestTitle: string | undefined;
  choices: DeepLinkChoice[];
}

/** What the picker shows for a pending request the signed-in person may answer (checkDeepLink's refusals otherwise). */
export async function loadDeepLinkPicker({ db, userId, id, now }: { db: PrismaClient; userId: string | null; id: string; now: Date }): Promise<DeepLinkPicker> {
  const { deepLink } = await checkDeepLink({ db, userId, id, now });
  const locale: Locale = isLocale(deepLink.locale) ? deepLink.locale : "en";
  const course = await db.course.findUniqueOrThrow({ where: { id: deepLink.courseId }, select: { title: true } });
  return {
    id,
    locale,
    courseTitle: course.title,
    multiple: deepLink.settings.accept_multiple === true,
    requestTitle: deepLink.settings.title,
    choices: await listDeepLinkChoices({ db, courseId: deepLink.courseId, locale }),
  };
}

import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { loadDeepLinkPicker } from "@/lib/server/lti/deep-link-picker";
import { LaunchRefusal } from "@/lib/server/lti/launch-refusal";
import { getServices } from "@/lib/server/services";
import { getSessionUser } from "@/lib/server/session";
import { DeepLinkPickerForm, DeepLinkRefusal } from "./picker-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ltiDeepLink");
  return { title: t("title"), robots: { index: false } };
}

/**
 * The Deep Linking 2.0 picker an instructor's LtiDeepLinkingRequest lands on
 * (lib/server/lti/launch-request.ts): the request waits server-side under `id`, answerable only
 * by the owner who launched it; anyone else sees why not.
 */
export default async function DeepLinkPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await searchParams;
  const user = await getSessionUser(await headers());
  const loaded = await loadDeepLinkPicker({ db: getServices().db, userId: user?.id ?? null, id: typeof id === "string" ? id : "", now: new Date() }).catch((error: unknown) => {
    if (error instanceof LaunchRefusal) return error;
    throw error;
  });
  if (loaded instanceof LaunchRefusal) return <DeepLinkRefusal reason={loaded.reason} />;
  return <DeepLinkPickerForm picker={loaded} />;
}

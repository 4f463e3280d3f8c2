import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OfflineCapabilities } from "../_components/offline/offline-capabilities";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common.offline");
  return { title: t("pageTitle") };
}

/**
 * What the service worker shows for a page it has no copy of while offline (kept in the
 * learner's language when the worker is installed, and again whenever the learner visits it).
 */
export default async function OfflinePage() {
  const t = await getTranslations("common.offline");
  return (
    <div className="space-y-6" data-testid="offline-page">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("pageTitle")}</h1>
        <p className="text-slate-700">{t("pageLead")}</p>
      </div>
      <OfflineCapabilities />
    </div>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { OfflineCapabilities } from "./_components/offline/offline-capabilities";
import { useOnline } from "./_components/offline/use-online";

/**
 * A page that failed to render or load, in the learner's language, inside the site's header and
 * menu (Next.js's own fallback is English and replaces everything). Offline, it says so and
 * lists what still works. "Try again" is Next.js's `retry`: it fetches the page from the server
 * again (a failed query may succeed now), where `reset` would only redraw the failed render.
 */
export default function PageError({ retry }: { error: Error & { digest?: string }; reset: () => void; retry: () => void }) {
  const t = useTranslations("common.offline");
  const online = useOnline();
  return (
    <div className="space-y-6" data-testid="page-error">
      <div role="alert" className="space-y-3">
        <h1 className="text-2xl font-semibold">{t("errorTitle")}</h1>
        <p className="text-slate-700">{online ? t("errorLead") : t("errorOfflineLead")}</p>
        <button type="button" onClick={retry} className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
          {t("tryAgain")}
        </button>
      </div>
      <OfflineCapabilities />
    </div>
  );
}

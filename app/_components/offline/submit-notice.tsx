"use client";

import { useTranslations } from "next-intl";
import type { SubmitNotice as Notice } from "./connection-failure";

/** Shown while the next problem waits for the connection (TanStack Query pauses the request while offline). */
export function NextWaitingNotice({ paused }: { paused: boolean }) {
  const t = useTranslations("common.offline");
  if (!paused) return null;
  return (
    <p role="status" data-testid="next-waiting" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      {t("nextWaiting")}
    </p>
  );
}

/** Where an answer stands when the connection is lost: kept, being tried again, or not sent (still on the page). */
export function SubmitNotice({ notice }: { notice: Notice }) {
  const t = useTranslations("common.offline");
  if (!notice) return null;
  if (notice === "failed") {
    return (
      <p role="alert" data-testid="submit-notice" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-700">
        {t("submitFailed")}
      </p>
    );
  }
  return (
    <p role="status" data-testid="submit-notice" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      {t(notice === "waiting" ? "submitWaiting" : "submitRetrying")}
    </p>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { serverMessage } from "./server-message";

/**
 * `(error) => sentence` in the page's language for a failed API call (app/_components/server-message.ts):
 * what a page shows where it used to show `error.message`.
 */
export function useServerMessage(): (error: unknown) => string {
  const t = useTranslations("serverErrors");
  const tc = useTranslations("common");
  return useCallback((error: unknown) => serverMessage(error, t, tc("somethingWrong")), [t, tc]);
}

import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { getSessionUser } from "@/lib/server/session";
import { timeZoneOrDefault } from "@/lib/srs/days";
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage } from "./locales";
import { messagesByLocale } from "./messages";

export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const requestHeaders = await headers();
  const locale = isLocale(chosen) ? chosen : localeFromAcceptLanguage(requestHeaders.get("accept-language"));
  // Times read in the signed-in learner's zone (a review at 07:30 in Shanghai is not 23:30 the day before).
  const user = await getSessionUser(requestHeaders);
  return { locale, messages: messagesByLocale[locale], timeZone: timeZoneOrDefault(user?.timeZone) };
});

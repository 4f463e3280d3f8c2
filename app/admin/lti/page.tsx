import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { baseUrlOf } from "@/lib/server/auth/origins";
import { adminLtiOverview } from "@/lib/server/lti/registration-admin";
import { getServices } from "@/lib/server/services";
import { getSessionUser } from "@/lib/server/session";
import { card } from "../../teach/_components/styles";
import { AddPlatformForm } from "./add-platform-form";
import { CopyValue } from "./copy-value";
import { AddDeploymentForm } from "./add-deployment-form";
import { RemovePlatformButton } from "./remove-platform-button";
import { TokenForm } from "./token-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminLti");
  return { title: t("title") };
}

/**
 * The admin's LTI page: Stride's values for an LMS, a one-time registration link, the registered
 * platforms (remove, with a confirmation) and a form to add one by hand. Admins only: signed out,
 * the sign-in page; anyone else, this address does not exist (404).
 */
export default async function AdminLtiPage() {
  const user = await getSessionUser(await headers());
  if (!user) redirect(`/sign-in?next=${encodeURIComponent("/admin/lti")}`);
  if (user.role !== "admin") notFound();
  const t = await getTranslations("adminLti");
  const format = await getFormatter();
  const { platforms, openTokenCount, values } = await adminLtiOverview({ db: getServices().db, user, baseUrl: baseUrlOf(env()) });
  const valueRows = [
    { label: t("registrationUrl"), value: values.registrationUrl, testId: "value-registration" },
    { label: t("loginUrl"), value: values.loginUrl, testId: "value-login" },
    { label: t("launchUrl"), value: values.launchUrl, testId: "value-launch" },
    { label: t("deepLinkingUrl"), value: values.deepLinkingUrl, testId: "value-deep-linking" },
    { label: t("jwksUrl"), value: values.jwksUrl, testId: "value-jwks" },
    { label: t("domain"), value: values.domain, testId: "value-domain" },
  ];

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-slate-600">{t("lead")}</p>
      </div>

      <section aria-labelledby="values-title" className={`${card} space-y-3`}>
        <h2 id="values-title" className="text-lg font-semibold">
          {t("valuesHeading")}
        </h2>
        <p className="text-sm text-slate-600">{t("valuesLead")}</p>
        <dl className="space-y-3">
          {valueRows.map((row) => (
            <div key={row.testId} className="space-y-1">
              <dt className="text-sm font-medium text-slate-700">{row.label}</dt>
              <dd>
                <CopyValue value={row.value} testId={row.testId} />
              </dd>
            </div>
          ))}
          <div className="space-y-1">
            <dt className="text-sm font-medium text-slate-700">{t("scopes")}</dt>
            <dd>
              <ul className="space-y-1 text-sm break-all text-slate-700">
                {values.scopes.map((scope) => (
                  <li key={scope}>
                    <code>{scope}</code>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="token-title" className={`${card} space-y-3`}>
        <h2 id="token-title" className="text-lg font-semibold">
          {t("tokenHeading")}
        </h2>
        <p className="text-sm text-slate-600">{t("tokenLead")}</p>
        <p className="text-sm text-slate-600" data-testid="open-tokens">
          {t("openTokens", { count: openTokenCount })}
        </p>
        <TokenForm />
      </section>

      <section aria-labelledby="platforms-title" className="space-y-3">
        <h2 id="platforms-title" className="text-lg font-semibold">
          {t("platformsHeading")}
        </h2>
        {platforms.length === 0 ? (
          <p className={`${card} text-slate-600`} data-testid="no-platforms">
            {t("platformsEmpty")}
          </p>
        ) : (
          <ul className="space-y-3" data-testid="platforms">
            {platforms.map((platform) => (
              <li key={platform.id} className={`${card} space-y-3`} data-testid="platform">
                <h3 className="font-semibold break-words">{platform.name}</h3>
                <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                  <dt className="font-medium text-slate-700">{t("issuer")}</dt>
                  <dd className="break-all" data-testid="platform-issuer">
                    {platform.issuer}
                  </dd>
                  <dt className="font-medium text-slate-700">{t("clientId")}</dt>
                  <dd className="break-all" data-testid="platform-client-id">
                    {platform.clientId}
                  </dd>
                  <dt className="font-medium text-slate-700">{t("deployments")}</dt>
                  <dd className="break-all" data-testid="platform-deployments">
                    {platform.deploymentIds.join(", ")}
                  </dd>
                  <dt className="font-medium text-slate-700">{t("addedAt")}</dt>
                  <dd>{format.dateTime(platform.createdAt, { dateStyle: "medium", timeStyle: "short" })}</dd>
                </dl>
                <AddDeploymentForm issuer={platform.issuer} clientId={platform.clientId} />
                <RemovePlatformButton issuer={platform.issuer} clientId={platform.clientId} name={platform.name} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="add-title" className={`${card} space-y-3`}>
        <h2 id="add-title" className="text-lg font-semibold">
          {t("addHeading")}
        </h2>
        <p className="text-sm text-slate-600">{t("addLead")}</p>
        <AddPlatformForm />
      </section>
    </div>
  );
}

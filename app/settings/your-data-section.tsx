import { getTranslations } from "next-intl/server";

/** "Download my data": the account's whole export as a JSON file (app/api/account/export). */
export async function YourDataSection() {
  const t = await getTranslations("account");
  return (
    <section id="your-data" aria-labelledby="your-data-heading" className="scroll-mt-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="your-data-heading" className="text-lg font-semibold">
        {t("dataTitle")}
      </h2>
      <p className="mt-2 max-w-3xl text-sm leading-relaxed text-slate-600">{t("dataLead")}</p>
      <a
        href="/api/account/export"
        download
        data-testid="download-data"
        className="mt-4 inline-block rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
      >
        {t("download")}
      </a>
    </section>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { card } from "./styles";

/** What a learner who opens an instructor page sees: why there is nothing here, and where to go. */
export async function NotInstructor() {
  const t = await getTranslations("teach.notInstructor");
  return (
    <section className={card} data-testid="not-instructor">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("body")}</p>
      <p className="mt-2 text-slate-700">{t("join")}</p>
      <Link href="/join" className="mt-4 inline-block rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
        {t("joinLink")}
      </Link>
    </section>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../../_components/trpc";
import { useServerMessage } from "../../_components/use-server-message";
import { LanguageSelect } from "./language-select";
import { RetentionField } from "./retention-field";
import { card, errorText, field, primaryButton } from "./styles";

/** Title, language and desired retention of a new course; the instructor lands on its page. */
export function NewCourseForm({ defaultLang }: { defaultLang: "en" | "zh-CN" }) {
  const t = useTranslations("teach.newCourse");
  const refusal = useServerMessage();
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.courses.create.mutationOptions());
  const [title, setTitle] = useState("");
  const [lang, setLang] = useState<"en" | "zh-CN">(defaultLang);
  const [retention, setRetention] = useState(0.9);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      // The deadlines' zone starts as the instructor's own; the course settings change it.
      { title, lang, desiredRetention: Math.round(retention * 100) / 100, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone },
      { onSuccess: (course) => router.push(`/teach/${course.id}`) },
    );
  }

  return (
    <form onSubmit={onSubmit} className={`${card} space-y-4`} aria-labelledby="new-course-title" noValidate data-testid="new-course">
      <h2 id="new-course-title" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <div>
        <label htmlFor="course-title" className="font-medium">
          {t("title")}
        </label>
        <input id="course-title" value={title} onChange={(event) => setTitle(event.target.value)} maxLength={200} required className={field} />
      </div>
      <LanguageSelect id="course-lang" label={t("language")} value={lang} onChange={setLang} />
      <RetentionField id="course-retention" label={t("retention")} help={t("retentionHelp")} value={retention} onChange={setRetention} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={primaryButton} disabled={create.isPending || create.isSuccess}>
          {create.isPending ? t("creating") : t("create")}
        </button>
        {create.isSuccess && <span role="status" className="text-sm text-emerald-700">{t("created")}</span>}
      </div>
      {create.isError && (
        <p role="alert" className={errorText}>
          {refusal(create.error)}
        </p>
      )}
    </form>
  );
}

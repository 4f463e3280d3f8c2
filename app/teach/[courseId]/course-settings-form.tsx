"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../../_components/trpc";
import { useServerMessage } from "../../_components/use-server-message";
import { isKnownTimeZone, TimeZoneField } from "../../settings/time-zone-field";
import { LanguageSelect } from "../_components/language-select";
import { RetentionField } from "../_components/retention-field";
import { card, errorText, field, primaryButton } from "../_components/styles";

interface CourseSettings {
  id: string;
  title: string;
  lang: string;
  desiredRetention: number;
  timeZone: string;
}

/** The course's title, language, desired retention and the time zone of its deadlines, saved together. */
export function CourseSettingsForm({ course }: { course: CourseSettings }) {
  const t = useTranslations("teach.course");
  const refusal = useServerMessage();
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(trpc.courses.update.mutationOptions());
  const [title, setTitle] = useState(course.title);
  const [lang, setLang] = useState<"en" | "zh-CN">(course.lang === "zh-CN" ? "zh-CN" : "en");
  const [retention, setRetention] = useState(course.desiredRetention);
  const [timeZone, setTimeZone] = useState(course.timeZone);
  const [zoneChecked, setZoneChecked] = useState(false);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setZoneChecked(true);
    if (!isKnownTimeZone(timeZone)) return;
    update.mutate(
      { courseId: course.id, title, lang, desiredRetention: Math.round(retention * 100) / 100, timeZone: timeZone.trim() },
      { onSuccess: () => router.refresh() },
    );
  }

  return (
    <form onSubmit={onSubmit} className={`${card} space-y-4`} aria-labelledby="settings-title" noValidate data-testid="course-settings">
      <h2 id="settings-title" className="text-lg font-semibold">
        {t("settings")}
      </h2>
      <div>
        <label htmlFor="edit-title" className="font-medium">
          {t("title")}
        </label>
        <input id="edit-title" value={title} onChange={(event) => setTitle(event.target.value)} maxLength={200} className={field} />
      </div>
      <LanguageSelect id="edit-lang" label={t("language")} value={lang} onChange={setLang} />
      <RetentionField id="edit-retention" label={t("retention")} value={retention} onChange={setRetention} />
      <TimeZoneField
        id="edit-time-zone"
        labelClassName="font-medium"
        label={t("timeZone")}
        help={(time) => t("timeZoneHelp", { time })}
        value={timeZone}
        onChange={(zone) => {
          setTimeZone(zone);
          setZoneChecked(false);
        }}
        invalid={zoneChecked && !isKnownTimeZone(timeZone)}
      />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={primaryButton} disabled={update.isPending}>
          {update.isPending ? t("saving") : t("save")}
        </button>
        {update.isSuccess && !update.isPending && <span role="status" className="text-sm text-emerald-700">{t("saved")}</span>}
      </div>
      {update.isError && (
        <p role="alert" className={errorText}>
          {refusal(update.error)}
        </p>
      )}
    </form>
  );
}

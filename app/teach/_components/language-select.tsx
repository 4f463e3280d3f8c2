"use client";

import { useTranslations } from "next-intl";
import { field } from "./styles";

/** The two languages a course (or an exported file) can be in, named in their own language. */
export function LanguageSelect({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (value: "en" | "zh-CN") => void }) {
  const t = useTranslations("common.languageNames");
  return (
    <div>
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as "en" | "zh-CN")} className={`${field} w-auto`}>
        <option value="en">{t("en")}</option>
        <option value="zh-CN">{t("zh-CN")}</option>
      </select>
    </div>
  );
}

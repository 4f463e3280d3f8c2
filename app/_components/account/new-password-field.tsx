"use client";

import { useTranslations } from "next-intl";
import { fieldClass } from "./field-styles";

/** better-auth's default minimum, checked in the form first so the learner is told before sending. */
export const MIN_PASSWORD_LENGTH = 8;

/** A new password's field with its help text, as the reset and change-password forms ask for it. */
export function NewPasswordField({ value, onChange, helpId }: { value: string; onChange: (value: string) => void; helpId: string }) {
  const t = useTranslations("password");
  return (
    <>
      <label className="block">
        <span className="text-sm font-medium text-slate-700">{t("newPassword")}</span>
        <input
          type="password"
          name="new-password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          aria-describedby={helpId}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          className={fieldClass}
        />
      </label>
      <p id={helpId} className="-mt-3 text-xs text-slate-600">
        {t("passwordHelp")}
      </p>
    </>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { secondaryButton } from "../../teach/_components/styles";

/** A value to paste into an LMS: selectable text and a button that copies it. */
export function CopyValue({ value, testId }: { value: string; testId?: string }) {
  const t = useTranslations("adminLti");
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex min-w-0 items-center gap-2">
      <code className="min-w-0 flex-1 rounded bg-slate-100 px-2 py-1 text-sm break-all text-slate-900" data-testid={testId}>
        {value}
      </code>
      <button
        type="button"
        className={secondaryButton}
        onClick={() => {
          void navigator.clipboard?.writeText(value).then(() => setCopied(true));
        }}
      >
        {copied ? t("copied") : t("copy")}
      </button>
    </div>
  );
}

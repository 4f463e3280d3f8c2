"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { dangerButton, okText, secondaryButton } from "../../teach/_components/styles";
import { removePlatformAction, type RemoveState } from "./actions";

/** Remove, then a confirmation in place (Yes, remove / Cancel) before anything is removed. */
export function RemovePlatformButton({ issuer, clientId, name }: { issuer: string; clientId: string; name: string }) {
  const t = useTranslations("adminLti");
  const [confirming, setConfirming] = useState(false);
  const [state, action, pending] = useActionState<RemoveState, FormData>(removePlatformAction, { status: "idle" });
  if (state.status === "removed") {
    return (
      <p role="status" className={okText}>
        {t("removed", { name: state.name })}
      </p>
    );
  }
  if (!confirming) {
    return (
      <button type="button" className={dangerButton} onClick={() => setConfirming(true)} data-testid="remove-platform">
        {t("remove")}
      </button>
    );
  }
  return (
    <form action={action} className="space-y-2" role="group" aria-label={t("remove")}>
      <input type="hidden" name="issuer" value={issuer} />
      <input type="hidden" name="clientId" value={clientId} />
      <p className="text-sm text-slate-700">{t("removeConfirm", { name })}</p>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={dangerButton} disabled={pending} autoFocus data-testid="confirm-remove">
          {t("removeYes")}
        </button>
        <button type="button" className={secondaryButton} onClick={() => setConfirming(false)}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

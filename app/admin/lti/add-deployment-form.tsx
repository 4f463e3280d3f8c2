"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { errorText, field, okText, secondaryButton } from "../../teach/_components/styles";
import { addDeploymentAction, type DeploymentState } from "./actions";

/**
 * Accepts launches from one more deployment of a registered platform: the id its LMS shows for
 * another installation of Stride (another course or sub-account), without registering it again.
 */
export function AddDeploymentForm({ issuer, clientId }: { issuer: string; clientId: string }) {
  const t = useTranslations("adminLti");
  const inputId = useId();
  const [state, action, pending] = useActionState<DeploymentState, FormData>(addDeploymentAction, { status: "idle" });
  const refused = state.status === "refused" ? state : null;
  // A new key empties the field once an id is accepted; a refused one keeps what was typed.
  const formKey = state.status === "added" || state.status === "present" ? `${state.status}-${state.deploymentId}` : "form";
  return (
    <form key={formKey} action={action} className="space-y-2" data-testid="add-deployment-form" noValidate>
      <input type="hidden" name="issuer" value={issuer} />
      <input type="hidden" name="clientId" value={clientId} />
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">
        {t("addDeploymentLabel")}
      </label>
      <div className="flex flex-wrap items-start gap-2">
        <input
          id={inputId}
          name="deploymentId"
          required
          maxLength={300}
          defaultValue={refused?.value ?? ""}
          aria-invalid={refused ? true : undefined}
          aria-describedby={refused ? `${inputId}-problem` : undefined}
          className={`${field} mt-0 max-w-xs`}
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" className={secondaryButton} disabled={pending} data-testid="add-deployment">
          {t("addDeployment")}
        </button>
      </div>
      {refused && (
        <p id={`${inputId}-problem`} role="alert" className={errorText}>
          {t(`deploymentProblem.${refused.problem}`)}
        </p>
      )}
      {(state.status === "added" || state.status === "present") && (
        <p role="status" className={okText}>
          {t(state.status === "added" ? "deploymentAdded" : "deploymentPresent", { id: state.deploymentId })}
        </p>
      )}
      {state.status === "gone" && (
        <p role="alert" className={errorText}>
          {t("deploymentGone")}
        </p>
      )}
    </form>
  );
}

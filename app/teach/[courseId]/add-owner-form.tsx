"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../../_components/trpc";
import { useServerMessage } from "../../_components/use-server-message";
import { errorText, field, primaryButton } from "../_components/styles";

/** Makes another instructor, found by email, a co-owner of the course. */
export function AddOwnerForm({ courseId }: { courseId: string }) {
  const t = useTranslations("teach.course");
  const refusal = useServerMessage();
  const trpc = useTRPC();
  const router = useRouter();
  const addOwner = useMutation(trpc.courses.addOwner.mutationOptions());
  const [email, setEmail] = useState("");
  const [added, setAdded] = useState<string | null>(null);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    addOwner.mutate(
      { courseId, email },
      {
        onSuccess: () => {
          setAdded(email);
          setEmail("");
          router.refresh();
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2" data-testid="add-owner">
      <p className="text-sm text-slate-600" id="owner-help">
        {t("ownersHelp")}
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-56 flex-1">
          <label htmlFor="owner-email" className="text-sm font-medium">
            {t("ownerEmail")}
          </label>
          <input id="owner-email" type="email" value={email} onChange={(event) => setEmail(event.target.value)} aria-describedby="owner-help" className={field} />
        </div>
        <button type="submit" className={primaryButton} disabled={addOwner.isPending || email.trim() === ""}>
          {t("addOwner")}
        </button>
      </div>
      {added && !addOwner.isPending && <p role="status" className="text-sm text-emerald-700">{t("ownerAdded", { email: added })}</p>}
      {addOwner.isError && (
        <p role="alert" className={errorText}>
          {refusal(addOwner.error)}
        </p>
      )}
    </form>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTRPC } from "../../../_components/trpc";
import { useServerMessage } from "../../../_components/use-server-message";
import { errorText, okText, secondaryButton } from "../../_components/styles";

/** Reads the linked LMS course's roster (NRPS) now, so learners who never launched are listed. */
export function RosterSyncButton({ courseId }: { courseId: string }) {
  const t = useTranslations("gradebook.roster");
  const refusal = useServerMessage();
  const trpc = useTRPC();
  const router = useRouter();
  const sync = useMutation(trpc.gradebook.syncRoster.mutationOptions());
  return (
    <div className="space-y-1">
      <button type="button" className={secondaryButton} disabled={sync.isPending} onClick={() => sync.mutate({ courseId }, { onSuccess: () => router.refresh() })} data-testid="roster-sync">
        {t("sync")}
      </button>
      {sync.isSuccess && (
        <p role="status" className={okText}>
          {sync.data.queued ? t("queued") : t("done", { count: sync.data.addedMembers })}
        </p>
      )}
      {sync.isError && (
        <p role="alert" className={errorText}>
          {refusal(sync.error)}
        </p>
      )}
    </div>
  );
}

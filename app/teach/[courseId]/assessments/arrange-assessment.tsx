"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "../../../_components/trpc";
import { useServerMessage } from "../../../_components/use-server-message";
import { dangerButton, errorText, secondaryButton } from "../../_components/styles";

interface ArrangeProps {
  courseId: string;
  /** Every listed assessment's id in the list's order: the server takes the whole order at once. */
  order: string[];
  index: number;
  title: string;
}

/**
 * Move up, move down and archive for one row of the assessments list. After a move the row is
 * drawn again in its new place, so the button pressed takes the focus back (or its neighbour, at
 * an end of the list) and the new position is announced; keyboard users keep their place.
 */
export function ArrangeAssessment({ courseId, order, index, title }: ArrangeProps) {
  const t = useTranslations("teachAssessments.list");
  const refusal = useServerMessage();
  const trpc = useTRPC();
  const router = useRouter();
  const reorder = useMutation(trpc.assessments.reorder.mutationOptions());
  const archive = useMutation(trpc.assessments.archive.mutationOptions());
  // Where the row was when a move was asked for: the focus follows once it is drawn elsewhere.
  const moving = useRef<{ direction: "up" | "down"; from: number } | null>(null);
  const [movedTo, setMovedTo] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const first = index === 0;
  const last = index === order.length - 1;

  useEffect(() => {
    if (!moving.current || moving.current.from === index) return;
    const wanted = moving.current.direction === "up" ? (first ? down : up) : last ? up : down;
    wanted.current?.focus();
    moving.current = null;
  }, [index, first, last]);

  useEffect(() => {
    if (confirming) cancel.current?.focus();
  }, [confirming]);

  function move(by: -1 | 1) {
    const ids = [...order];
    [ids[index], ids[index + by]] = [ids[index + by]!, ids[index]!];
    reorder.mutate(
      { courseId, assessmentIds: ids },
      {
        onSuccess: () => {
          moving.current = { direction: by < 0 ? "up" : "down", from: index };
          setMovedTo(index + by);
          router.refresh();
        },
        // The server takes only the whole current list: a refusal means the list changed under
        // this page (another instructor added or archived one), so it is read again.
        onError: (refusal) => {
          if (refusal.data?.fieldErrors?.assessmentIds) router.refresh();
        },
      },
    );
  }

  function onArchive() {
    archive.mutate({ assessmentId: order[index]! }, { onSuccess: () => router.refresh() });
  }

  const failed = reorder.error ?? archive.error;
  const error = reorder.error?.data?.fieldErrors?.assessmentIds ? t("listChanged") : failed ? refusal(failed) : null;
  return (
    <div className="flex flex-col gap-2 sm:items-end">
      <div className="flex flex-wrap gap-1.5" role="group" aria-label={t("arrangeLabel", { title })}>
        <button ref={up} type="button" className={secondaryButton} onClick={() => move(-1)} disabled={first || reorder.isPending} aria-label={t("upLabel", { title })} data-testid="move-up">
          <span aria-hidden="true">↑</span> {t("up")}
        </button>
        <button ref={down} type="button" className={secondaryButton} onClick={() => move(1)} disabled={last || reorder.isPending} aria-label={t("downLabel", { title })} data-testid="move-down">
          <span aria-hidden="true">↓</span> {t("down")}
        </button>
        <button type="button" className={dangerButton} onClick={() => setConfirming(true)} aria-expanded={confirming} aria-label={t("archiveLabel", { title })} data-testid="archive">
          {t("archive")}
        </button>
      </div>
      <p role="status" className="sr-only">
        {movedTo === null ? "" : t("movedTo", { title, position: movedTo + 1, count: order.length })}
      </p>
      {confirming && (
        <div className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm" role="group" aria-label={t("archiveLabel", { title })} data-testid="archive-confirm">
          <p className="text-red-900">{t("archiveConfirm", { title })}</p>
          <div className="mt-2 flex flex-wrap gap-2">
            <button type="button" onClick={onArchive} disabled={archive.isPending} className="rounded-lg bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-60" data-testid="archive-yes">
              {t("archiveYes")}
            </button>
            <button ref={cancel} type="button" onClick={() => setConfirming(false)} className={secondaryButton}>
              {t("cancel")}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className={errorText}>
          {error}
        </p>
      )}
    </div>
  );
}

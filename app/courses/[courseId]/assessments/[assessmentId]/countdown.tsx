"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { clockText } from "../../../_components/server-clock";

/** Minutes left at which the count is announced to screen readers (the clock itself is not read out each second). */
const ANNOUNCE_AT = [5, 1];

/**
 * The exam's time left, as the server's clock counts it (the caller gives the milliseconds). A
 * timer role, which screen readers do not read on every tick; crossing 5 and 1 minutes left is
 * announced once in a polite live region.
 */
export function Countdown({ msLeft }: { msLeft: number }) {
  const t = useTranslations("takeAssessment");
  const [announcement, setAnnouncement] = useState("");
  const announced = useRef(new Set<number>());
  const minutes = Math.ceil(msLeft / 60_000);

  useEffect(() => {
    const due = ANNOUNCE_AT.find((mark) => minutes <= mark && !announced.current.has(mark));
    if (due === undefined) return;
    // A page opened with 3 minutes left announces "3 minutes" once, not the 5-minute mark it never saw.
    for (const mark of ANNOUNCE_AT) if (minutes <= mark) announced.current.add(mark);
    setAnnouncement(t("timerAnnounce", { minutes }));
  }, [minutes, t]);

  const urgent = msLeft <= 60_000;
  return (
    <div className={`flex items-center gap-2 rounded-lg px-3 py-1.5 ${urgent ? "bg-rose-100 text-rose-900" : "bg-slate-100 text-slate-900"}`}>
      <span className="text-sm">{t("timer")}</span>
      <span role="timer" aria-label={t("timer")} className="font-mono text-lg font-semibold tabular-nums" data-testid="countdown">
        {clockText(msLeft)}
      </span>
      <span aria-live="polite" className="sr-only" data-testid="countdown-announcement">
        {announcement}
      </span>
    </div>
  );
}

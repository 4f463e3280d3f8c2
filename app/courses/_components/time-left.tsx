"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { clockOffset, clockText, useTimeLeft } from "./server-clock";

/**
 * The time left of an exam in progress on the course page. The page was rendered on the server
 * at `serverNow`; the offset is taken when this mounts, so the count follows the server's clock
 * whatever this device's says (up to the page's load time).
 */
export function TimeLeft({ deadline, serverNow }: { deadline: Date; serverNow: Date }) {
  const t = useTranslations("learnerCourse");
  const [offset] = useState(() => clockOffset(serverNow, Date.now()));
  const left = useTimeLeft(deadline, offset);
  if (left === null) return null;
  return (
    <span className="font-mono tabular-nums" data-testid="time-left">
      {t("timeLeft", { time: clockText(left) })}
    </span>
  );
}

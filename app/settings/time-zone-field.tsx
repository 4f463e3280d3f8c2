"use client";

import { useFormatter, useNow, useTranslations } from "next-intl";
import { useMemo, useSyncExternalStore } from "react";
import { listTimeZones, normalizeTimeZone } from "@/lib/srs/days";

const field =
  "mt-2 block w-full max-w-sm rounded-lg border border-slate-300 px-3 py-2 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100";

// The browser's zone is known only in the browser: the server renders without the suggestion.
const noSubscription = () => () => undefined;
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const serverZone = () => null;

/** Whether `value` is a zone this browser knows (the server checks again against its own list). */
export function isKnownTimeZone(value: string): boolean {
  return normalizeTimeZone(value.trim()) !== null;
}

/**
 * A time zone (a learner's, a course's): a text field searching the IANA list (a datalist, so
 * typing "shang" offers Asia/Shanghai), the local time there as a check, and the browser's own
 * zone one click away. `help` says what the zone is for, given the time there now.
 */
export function TimeZoneField({
  id,
  label,
  help,
  value,
  onChange,
  invalid,
  labelClassName = "font-semibold",
}: {
  /** The form's own label style (Settings' labels are bolder than a course's). */
  labelClassName?: string;
  id: string;
  label: string;
  help: (timeThere: string) => string;
  value: string;
  onChange: (zone: string) => void;
  invalid: boolean;
}) {
  const t = useTranslations("settings");
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const zones = useMemo(() => listTimeZones(), []);
  const detected = useSyncExternalStore(noSubscription, browserZone, serverZone);
  const zone = normalizeTimeZone(value.trim());
  return (
    <div>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      <input
        id={id}
        list={`${id}-list`}
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={field}
        aria-describedby={`${id}-help`}
        aria-invalid={invalid}
        data-testid={id}
      />
      <datalist id={`${id}-list`}>
        {zones.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <p id={`${id}-help`} className="mt-2 text-sm text-slate-600">
        {invalid ? (
          <span role="alert" className="text-red-700">
            {t("timeZoneUnknown")}
          </span>
        ) : zone ? (
          help(format.dateTime(now, { timeZone: zone, weekday: "long", hour: "numeric", minute: "2-digit" }))
        ) : (
          t("timeZoneSearch")
        )}
      </p>
      {detected && detected !== zone && (
        <button type="button" onClick={() => onChange(detected)} className="mt-2 text-sm font-medium text-brand-700 underline hover:text-brand-800" data-testid={`${id}-browser`}>
          {t("timeZoneUseBrowser", { zone: detected })}
        </button>
      )}
    </div>
  );
}

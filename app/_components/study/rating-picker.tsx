"use client";

import { useFormatter, useTranslations } from "next-intl";

const RATINGS = [1, 2, 3, 4] as const;
export type RatingValue = (typeof RATINGS)[number];
const NAMES = { 1: "again", 2: "hard", 3: "good", 4: "easy" } as const;

const TONES: Record<RatingValue, string> = {
  1: "border-rose-300 text-rose-800 aria-pressed:bg-rose-700 aria-pressed:text-white aria-pressed:border-rose-700",
  2: "border-amber-300 text-amber-900 aria-pressed:bg-amber-700 aria-pressed:text-white aria-pressed:border-amber-700",
  3: "border-emerald-300 text-emerald-800 aria-pressed:bg-emerald-700 aria-pressed:text-white aria-pressed:border-emerald-700",
  4: "border-sky-300 text-sky-800 aria-pressed:bg-sky-700 aria-pressed:text-white aria-pressed:border-sky-700",
};

/**
 * The four FSRS ratings, the suggested one chosen; the learner may pick another (keys 1–4).
 * Under each: when the skill would come back with that rating.
 */
export function RatingPicker({
  rating,
  suggested,
  dueByRating,
  busy,
  onRate,
}: {
  rating: RatingValue;
  suggested: RatingValue;
  dueByRating: Record<string, Date> | null;
  busy: boolean;
  onRate: (rating: RatingValue) => void;
}) {
  const t = useTranslations("review.rating");
  const format = useFormatter();
  return (
    <fieldset className="mt-2" data-testid="rating">
      <legend className="text-sm font-medium text-slate-700">{t("legend")}</legend>
      <p className="text-xs text-slate-500">{t("explain", { suggested: t(NAMES[suggested]) })}</p>
      <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
        {RATINGS.map((value) => {
          const due = dueByRating?.[String(value)];
          return (
            <button
              key={value}
              type="button"
              aria-pressed={rating === value}
              disabled={busy}
              onClick={() => onRate(value)}
              data-rating={value}
              className={`rounded-lg border bg-white px-3 py-2 text-left transition-colors disabled:opacity-60 ${TONES[value]}`}
            >
              <span className="flex items-center justify-between gap-2 font-semibold">
                {t(NAMES[value])}
                <kbd className="rounded border border-current/40 px-1.5 text-xs font-normal">{value}</kbd>
              </span>
              {due && <span className="block text-xs">{format.relativeTime(new Date(due), new Date())}</span>}
              {value === suggested && <span className="block text-xs font-medium">{t("suggested")}</span>}
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}

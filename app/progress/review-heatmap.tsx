import { getFormatter, getTranslations } from "next-intl/server";
import { heatLevel, type HeatmapDay } from "@/lib/server/progress/heatmap";

// The brand scale from an empty day to the busiest, as app/theme.css defines it per theme (light:
// lightest to darkest; dark: darkest to lightest, so busy days stand out on either background).
const LEVEL_FILL = ["var(--heat-0)", "var(--heat-1)", "var(--heat-2)", "var(--heat-3)", "var(--heat-4)"] as const;
const CELL = 12;
const GAP = 3;
const LEFT = 30;
const TOP = 16;

/**
 * Reviews per day as a GitHub-style calendar: one column per week, Sunday at the top. Drawn as
 * plain SVG on the server (recharts has no calendar); each day carries its count as a title for
 * the pointer and as an accessible name for screen readers.
 */
export async function ReviewHeatmap({ days }: { days: HeatmapDay[] }) {
  const t = await getTranslations("progress");
  const format = await getFormatter();
  const busiest = Math.max(0, ...days.map((day) => day.reviews + day.practice));
  const weeks = (days.at(-1)?.week ?? 0) + 1;
  const width = LEFT + weeks * (CELL + GAP);
  const height = TOP + 7 * (CELL + GAP);
  // A day key is a calendar date already counted in the learner's zone: UTC midnight, formatted in UTC.
  const date = (day: string) => new Date(`${day}T00:00:00Z`);
  // A month's name over the week it starts in; the first, partial month only when its name fits
  // before the next one.
  const monthStarts = days.filter((day) => day.day.endsWith("-01"));
  const firstFull = monthStarts[0]?.week ?? weeks;
  if (days[0] && !days[0].day.endsWith("-01") && firstFull >= 3) monthStarts.unshift(days[0]);

  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6" data-testid="heatmap">
      <h2 className="font-semibold">{t("heatmapTitle")}</h2>
      <p className="mt-1 text-sm text-slate-600">{t("heatmapHelp")}</p>
      {busiest === 0 && <p className="mt-4 rounded-lg bg-slate-50 px-4 py-3 text-center text-sm text-slate-600">{t("heatmapEmpty")}</p>}
      {/* Right-to-left scrolling starts a narrow screen at the latest weeks; the SVG itself reads left to right.
          On a phone the calendar scrolls sideways, so keyboard users can focus it to scroll it. */}
      <div className="mt-4 overflow-x-auto [direction:rtl]" tabIndex={0} role="group" aria-label={t("heatmapLabel")}>
        <svg style={{ direction: "ltr" }} role="img" aria-label={t("heatmapLabel")} viewBox={`0 0 ${width} ${height}`} className="h-auto w-full min-w-[28rem]">
          {monthStarts.map((day) => (
            <text key={`m-${day.day}`} x={LEFT + day.week * (CELL + GAP)} y={10} fontSize={8} fill="var(--chart-text)">
              {format.dateTime(date(day.day), { month: "short", timeZone: "UTC" })}
            </text>
          ))}
          {([1, 3, 5] as const).map((weekday) => (
            <text key={`w-${weekday}`} x={0} y={TOP + weekday * (CELL + GAP) + CELL - 2} fontSize={7.5} fill="var(--chart-text)">
              {t(`weekdays.${weekday}`)}
            </text>
          ))}
          {days.map((day) => {
            const label = t("heatmapCell", {
              date: format.dateTime(date(day.day), { dateStyle: "medium", timeZone: "UTC" }),
              reviews: day.reviews,
              practice: day.practice,
            });
            return (
              <rect
                key={day.day}
                x={LEFT + day.week * (CELL + GAP)}
                y={TOP + day.weekday * (CELL + GAP)}
                width={CELL}
                height={CELL}
                rx={2}
                fill={LEVEL_FILL[heatLevel(day.reviews + day.practice, busiest)]}
                data-day={day.day}
                data-count={day.reviews + day.practice}
                aria-label={label}
              >
                <title>{label}</title>
              </rect>
            );
          })}
        </svg>
      </div>
      <div className="mt-3 flex items-center justify-end gap-1 text-xs text-slate-600" aria-hidden>
        <span className="mr-1">{t("less")}</span>
        {LEVEL_FILL.map((fill) => (
          <span key={fill} className="inline-block h-3 w-3 rounded-sm" style={{ backgroundColor: fill }} />
        ))}
        <span className="ml-1">{t("more")}</span>
      </div>
    </section>
  );
}

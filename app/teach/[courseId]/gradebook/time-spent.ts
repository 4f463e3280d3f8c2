/** "25 minutes", or "3 hours 5 minutes" once it runs past an hour (a homework worked on over days). */
export function timeSpent(t: (key: "spent" | "spentHours", values: { minutes: number; hours?: number }) => string, seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t("spent", { minutes });
  return t("spentHours", { hours: Math.floor(minutes / 60), minutes: minutes % 60 }).trim();
}

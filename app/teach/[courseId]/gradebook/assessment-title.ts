/** An assessment's title in the reader's language: the Chinese one when there is one, else the English one. */
export function assessmentTitle(assessment: { titleEn: string; titleZh: string | null }, locale: string): string {
  return locale === "zh-CN" && assessment.titleZh ? assessment.titleZh : assessment.titleEn;
}

"use client";

import { useTranslations } from "next-intl";
import type { AssessmentKind, ZoneForm } from "./assessment-form";
import { Checkbox, Field, inputClass, smallButton } from "./form-field";
import { type PoolBank, PoolPicker, poolSize, type SkillGroup } from "./pool-picker";

/** One zone: its optional titles, what it draws from, how many, and what each question is worth. */
export function ZoneFields({
  index,
  count,
  zone,
  kind,
  onChange,
  onMove,
  onRemove,
  banks,
  skills,
}: {
  index: number;
  count: number;
  zone: ZoneForm;
  kind: AssessmentKind;
  onChange: (zone: ZoneForm) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  banks: readonly PoolBank[];
  skills: readonly SkillGroup[];
}) {
  const t = useTranslations("teachAssessments.editor.zone");
  const path = `zones.${index}`;
  const set = (patch: Partial<ZoneForm>) => onChange({ ...zone, ...patch });
  const size = poolSize(zone.pool, banks);
  const headingId = `${zone.key}-heading`;

  return (
    <section className="space-y-4 rounded-lg border border-slate-200 bg-slate-50/60 p-4" aria-labelledby={headingId} data-testid="zone">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="font-semibold">
          {t("heading", { number: index + 1 })}
        </h3>
        <div className="flex flex-wrap gap-2">
          <button type="button" className={smallButton} onClick={() => onMove(-1)} disabled={index === 0} aria-label={t("moveUp", { number: index + 1 })}>
            <span aria-hidden="true">↑ </span>
            {t("up")}
          </button>
          <button type="button" className={smallButton} onClick={() => onMove(1)} disabled={index === count - 1} aria-label={t("moveDown", { number: index + 1 })}>
            <span aria-hidden="true">↓ </span>
            {t("down")}
          </button>
          <button type="button" className={`${smallButton} text-red-700`} onClick={onRemove} disabled={count === 1} aria-label={t("removeZone", { number: index + 1 })}>
            {t("remove")}
          </button>
        </div>
      </div>

      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("titleEn")} path={`${path}.titleEn`}>
          {(props) => <input {...props} type="text" className={inputClass} value={zone.titleEn} onChange={(event) => set({ titleEn: event.target.value })} data-testid="zone-title-en" />}
        </Field>
        <Field label={t("titleZh")} path={`${path}.titleZh`}>
          {(props) => <input {...props} type="text" lang="zh-CN" className={inputClass} value={zone.titleZh} onChange={(event) => set({ titleZh: event.target.value })} data-testid="zone-title-zh" />}
        </Field>
      </div>

      <PoolPicker path={`${path}.pool`} pool={zone.pool} onChange={(pool) => set({ pool })} banks={banks} skills={skills} />

      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t("draw")} path={`${path}.draw`} hint={size > 0 ? t("drawHint", { count: size }) : t("drawHintEmpty")} testId="zone-draw">
          {(props) => <input {...props} type="text" inputMode="numeric" className={inputClass} value={zone.draw} onChange={(event) => set({ draw: event.target.value })} />}
        </Field>
        <Field label={t("points")} path={`${path}.points`} hint={t("pointsHint")} testId="zone-points">
          {(props) => <input {...props} type="text" inputMode="decimal" className={inputClass} value={zone.points} onChange={(event) => set({ points: event.target.value })} />}
        </Field>
        <Field label={t("pointsPerTry")} path={`${path}.pointsPerTry`} hint={kind === "exam" ? t("pointsPerTryExam") : t("pointsPerTryHomework")} testId="zone-points-per-try">
          {(props) => <input {...props} type="text" className={inputClass} value={zone.pointsPerTry} onChange={(event) => set({ pointsPerTry: event.target.value })} placeholder={t("pointsPerTryPlaceholder")} />}
        </Field>
      </div>
      <Checkbox label={t("shuffle")} hint={t("shuffleHint")} checked={zone.shuffle} onChange={(shuffle) => set({ shuffle })} path={`${path}.shuffle`} />
    </section>
  );
}

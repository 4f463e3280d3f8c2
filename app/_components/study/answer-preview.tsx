"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { ChoiceOptionView } from "./answer-input";
import { type Grading, readAnswer } from "./read-answer";

// The parsers use mathjs for arithmetic: loaded when the learner starts typing, so the review
// page's first load stays small.
let gradingModule: Promise<Grading> | null = null;
const loadGrading = () => (gradingModule ??= import("@/lib/grading"));

/** A live line under the answer field: "Read as 16 × 15 × 15", or that it does not read yet. */
export function AnswerPreview({ kind, text, options, locale }: { kind: string; text: string; options: ChoiceOptionView[] | null; locale: string }) {
  const t = useTranslations("review");
  const [grading, setGrading] = useState<Grading | null>(null);

  useEffect(() => {
    if (text.trim() && !grading) loadGrading().then(setGrading, () => undefined);
  }, [text, grading]);

  // Choices and true/false are clicked, not typed: what was clicked is what is read. A design
  // answer is read by the engine on the server, constraint by constraint.
  if (kind === "boolean" || kind === "choice" || kind === "choices" || kind === "spec" || !text.trim() || !grading) return null;
  const reading = readAnswer(grading, kind, text, options, locale);
  return (
    <div className="mt-2 text-sm" aria-live="polite" data-testid="answer-preview">
      {reading === null ? (
        <span className="text-slate-500">{t("preview.unreadable")}</span>
      ) : reading.kind === "text" ? (
        <span className="text-slate-700">
          {t("preview.readAs")} <span className="font-mono font-semibold text-slate-900">{reading.text}</span>
        </span>
      ) : (
        <div className="flex items-start gap-2 text-slate-700">
          <span>{t("preview.readAsMatrix", { rows: reading.rows.length, cols: reading.rows[0]?.length ?? 0 })}</span>
          <table className="border-collapse font-mono text-xs">
            <tbody>
              {reading.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((x, j) => (
                    <td key={j} className="border border-slate-200 px-1.5 py-0.5 text-right">
                      {x.toLocaleString(locale, { maximumFractionDigits: 4 })}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

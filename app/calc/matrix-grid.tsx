import { formatNumber } from "@/lib/engine/windows";

export interface GridCell {
  value: number | null;
  /** Shown dashed: a padded cell around the input. */
  padded?: boolean;
  highlighted?: boolean;
  current?: boolean;
}

/**
 * A matrix drawn as a table of square cells. `null` values are cells not computed yet (blank).
 * Highlighting is drawn by border and background, and said by `aria-current` on the current cell.
 */
export function MatrixGrid({ label, rows, testId, paddedLabel, hideLabel }: { label: string; rows: GridCell[][]; testId?: string; paddedLabel?: string; hideLabel?: boolean }) {
  return (
    <figure className="inline-block align-top">
      <figcaption className={hideLabel ? "sr-only" : "mb-1 text-xs font-medium text-slate-600"}>{label}</figcaption>
      <table className="border-separate border-spacing-0.5 font-mono text-sm tabular-nums" data-testid={testId} aria-label={label}>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <td
                  key={c}
                  aria-current={cell.current ? "true" : undefined}
                  title={cell.padded ? paddedLabel : undefined}
                  className={`h-9 min-w-9 rounded px-1.5 text-center transition-colors motion-reduce:transition-none ${
                    cell.current
                      ? "bg-brand-600 font-semibold text-white"
                      : cell.highlighted
                        ? "bg-amber-200 text-slate-900 ring-2 ring-amber-500"
                        : cell.padded
                          ? "border border-dashed border-slate-300 text-slate-500"
                          : "bg-slate-100 text-slate-900"
                  }`}
                >
                  {cell.value === null ? "" : formatNumber(cell.value)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/**
 * A share (0–1) as a number and a small bar: the number is what is read aloud, the bar is for the
 * eye, so it is hidden from screen readers.
 */
export function FacilityBar({ value, text }: { value: number | null; text: string }) {
  return (
    <span className="flex items-center justify-end gap-2">
      <span className="tabular-nums">{text}</span>
      <span aria-hidden="true" className="hidden h-2 w-16 overflow-hidden rounded-full bg-slate-100 sm:inline-block">
        {value !== null && <span className="block h-full bg-brand-500" style={{ width: `${Math.round(value * 100)}%` }} />}
      </span>
    </span>
  );
}

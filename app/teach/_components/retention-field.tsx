"use client";

/**
 * A desired-retention slider (70–97 %, the range FSRS is tuned for and the server accepts) with
 * its value shown beside its label, as on /settings.
 */
export function RetentionField({ id, label, help, value, onChange }: { id: string; label: string; help?: string; value: number; onChange: (value: number) => void }) {
  return (
    <div>
      <label htmlFor={id} className="flex items-baseline justify-between font-medium">
        {label}
        <output htmlFor={id} className="text-lg font-semibold text-brand-700">
          {Math.round(value * 100)} %
        </output>
      </label>
      <input
        id={id}
        type="range"
        min={0.7}
        max={0.97}
        step={0.01}
        value={value}
        onChange={(event) => onChange(Number(event.target.value))}
        className="mt-2 w-full accent-brand-600"
        aria-describedby={help ? `${id}-help` : undefined}
      />
      {help && (
        <p id={`${id}-help`} className="mt-1 text-sm text-slate-600">
          {help}
        </p>
      )}
    </div>
  );
}

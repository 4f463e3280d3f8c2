/**
 * A loading line: the spinner moves (unless the learner prefers reduced motion), the text stays
 * at full contrast and is announced once.
 */
export function Loading({ label }: { label: string }) {
  return (
    <p className="flex items-center gap-2 text-slate-600" role="status" data-testid="loading">
      <span aria-hidden="true" className="inline-block h-4 w-4 rounded-full border-2 border-slate-300 border-t-brand-600 motion-safe:animate-spin" />
      {label}
    </p>
  );
}

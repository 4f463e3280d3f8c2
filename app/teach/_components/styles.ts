/** The instructor pages' look, the same cards, buttons and fields as /settings and /progress. */
export const card = "rounded-xl border border-slate-200 bg-white p-6 shadow-sm";
export const primaryButton =
  "rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60";
export const secondaryButton =
  "rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-60";
export const dangerButton =
  "rounded-lg border border-red-200 bg-white px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 disabled:cursor-not-allowed disabled:opacity-60";
export const field =
  "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100";
export const errorText = "rounded-lg bg-red-50 px-4 py-3 text-sm text-red-700";
export const okText = "text-sm text-emerald-700";

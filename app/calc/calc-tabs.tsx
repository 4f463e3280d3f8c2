"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { type Arrival, readCalculatorHash } from "./calculator-link";
import { MatrixSandbox } from "./matrix-sandbox";
import { NetworkCalculator } from "./network-calculator";

export type CalcTab = "network" | "sandbox";
const TABS: readonly CalcTab[] = ["network", "sandbox"];

/**
 * The two calculators as WAI-ARIA tabs: arrow keys, Home and End move between them. A panel is
 * mounted the first time it is shown and kept, so switching back keeps what was typed. A link
 * from a problem ("open in the calculator") carries its spec or op in the address's fragment:
 * read here, in the browser, it opens its calculator with that input (a new link, a fresh one).
 */
export function CalcTabs({ initial }: { initial: CalcTab }) {
  const t = useTranslations("calc");
  const [active, setActive] = useState<CalcTab>(initial);
  const [opened, setOpened] = useState<ReadonlySet<CalcTab>>(() => new Set([initial]));
  const buttons = useRef<Record<CalcTab, HTMLButtonElement | null>>({ network: null, sandbox: null });
  const [arrival, setArrival] = useState<{ count: number; value: Arrival } | null>(null);

  useEffect(() => {
    function read() {
      const value = readCalculatorHash(window.location.hash);
      if (!value) return;
      setArrival((previous) => ({ count: (previous?.count ?? 0) + 1, value }));
      const tab: CalcTab | null = value.kind === "spec" ? "network" : value.kind === "op" ? "sandbox" : null;
      if (!tab) return;
      setActive(tab);
      setOpened((previous) => (previous.has(tab) ? previous : new Set([...previous, tab])));
    }
    read();
    window.addEventListener("hashchange", read);
    return () => window.removeEventListener("hashchange", read);
  }, []);
  const spec = arrival?.value.kind === "spec" ? arrival.value.text : undefined;
  const op = arrival?.value.kind === "op" ? arrival.value.op : undefined;

  function show(tab: CalcTab, focus = false) {
    setActive(tab);
    setOpened((previous) => (previous.has(tab) ? previous : new Set([...previous, tab])));
    if (focus) buttons.current[tab]?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    const index = TABS.indexOf(active);
    const next =
      event.key === "ArrowRight" ? TABS[(index + 1) % TABS.length]
      : event.key === "ArrowLeft" ? TABS[(index + TABS.length - 1) % TABS.length]
      : event.key === "Home" ? TABS[0]
      : event.key === "End" ? TABS[TABS.length - 1]
      : undefined;
    if (!next) return;
    event.preventDefault();
    show(next, true);
  }

  const label = (tab: CalcTab) => (tab === "network" ? t("networkTab") : t("sandboxTab"));

  return (
    <div>
      {arrival?.value.kind === "invalid" && (
        <p role="alert" className="mb-4 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800" data-testid="link-error">
          {t(`linkError.${arrival.value.reason}`)}
        </p>
      )}
      <div role="tablist" aria-label={t("tabsLabel")} className="flex gap-1 border-b border-slate-200" onKeyDown={onKeyDown}>
        {TABS.map((tab) => (
          <button
            key={tab}
            ref={(element) => {
              buttons.current[tab] = element;
            }}
            type="button"
            role="tab"
            id={`calc-tab-${tab}`}
            aria-selected={active === tab}
            aria-controls={`calc-panel-${tab}`}
            tabIndex={active === tab ? 0 : -1}
            onClick={() => show(tab)}
            className={`-mb-px rounded-t-lg border px-4 py-2 text-sm font-semibold focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 ${
              active === tab ? "border-slate-200 border-b-white bg-white text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"
            }`}
          >
            {label(tab)}
          </button>
        ))}
      </div>
      {TABS.map((tab) => (
        <div
          key={tab}
          role="tabpanel"
          id={`calc-panel-${tab}`}
          aria-labelledby={`calc-tab-${tab}`}
          hidden={active !== tab}
          className="pt-6"
        >
          {opened.has(tab) &&
            (tab === "network" ? (
              <NetworkCalculator key={spec === undefined ? "typed" : `link-${arrival?.count}`} arrived={spec} />
            ) : (
              <MatrixSandbox key={op === undefined ? "typed" : `link-${arrival?.count}`} arrived={op} />
            ))}
        </div>
      ))}
    </div>
  );
}

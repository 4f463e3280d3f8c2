"use client";

import { usePathname } from "next/navigation";
import { type MouseEvent, type ReactNode, useEffect, useRef, useState, useSyncExternalStore } from "react";

/**
 * The header's sections and account controls: one row from 1280 px up, and below that a
 * disclosure menu (WAI-ARIA APG "Disclosure Navigation Menu"): a button with aria-expanded opens
 * a panel under the header; Escape closes it and gives focus back to the button; a click or the
 * focus moving outside it, or following a link, closes it. One panel serves both layouts, so every link exists once.
 */
export function SiteMenu({
  label,
  pushRight,
  children,
}: {
  label: string;
  /** Whether the button takes the row's free space on its left (when no "Sign in" link does). */
  pushRight: boolean;
  children: ReactNode;
}) {
  const pathname = usePathname();
  // The menu is open on the page where it was opened: navigating closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  // Until React has hydrated, a click on the button does nothing; browser tests wait for this mark.
  const hydrated = useSyncExternalStore(subscribeToNothing, () => true, () => false);

  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      setOpenOn(null);
      button.current?.focus();
    }
    // A click, or the focus (Tab past the last item), landing elsewhere closes it.
    function onOutside(event: Event) {
      const target = event.target as Node;
      if (panel.current?.contains(target) || button.current?.contains(target)) return;
      setOpenOn(null);
    }
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onOutside);
    document.addEventListener("focusin", onOutside);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onOutside);
      document.removeEventListener("focusin", onOutside);
    };
  }, [open]);

  function onPanelClick(event: MouseEvent<HTMLDivElement>) {
    // A link to the page already shown changes no pathname; close for it too.
    if ((event.target as HTMLElement).closest("a")) setOpenOn(null);
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="site-menu"
        data-testid="menu-button"
        data-hydrated={hydrated}
        onClick={() => setOpenOn(open ? null : pathname)}
        className={`${pushRight ? "ml-auto" : ""} flex items-center gap-2 rounded-md border border-slate-200 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 xl:hidden`}
      >
        <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          {open ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 5h14M3 10h14M3 15h14" />}
        </svg>
        {label}
      </button>
      {/* The click handler only closes the menu after a link's own activation (keys activate links by click events too). */}
      <div
        ref={panel}
        id="site-menu"
        data-open={open}
        onClick={onPanelClick}
        className={`${open ? "flex" : "hidden"} absolute inset-x-0 top-full z-40 max-h-[calc(100dvh-4rem)] flex-col gap-4 overflow-y-auto border-b border-slate-200 bg-white px-4 py-4 shadow-lg sm:px-6 xl:static xl:flex xl:max-h-none xl:flex-1 xl:flex-row xl:items-center xl:gap-4 xl:overflow-visible xl:border-0 xl:p-0 xl:shadow-none`}
      >
        {children}
      </div>
    </>
  );
}

function subscribeToNothing(): () => void {
  return () => undefined;
}

import type Katex from "katex";

/**
 * The formulas the server left for the browser to typeset (lib/server/markdown/math-in-browser.ts:
 * the review calls send a formula as its TeX in a `.tex-pending` element). They are typeset here
 * with the KaTeX the server uses, `trust` off as there (no links, classes or styles of an
 * author's choosing), straight into DOM nodes: no HTML string is parsed. KaTeX's code comes in
 * its own chunk, fetched the first time a page needs it or asks ahead (`preloadMathTypesetter`),
 * so what a first load carries does not change.
 */
type Typesetter = typeof Katex;

/** The class math-in-browser.ts gives a formula waiting for the browser. */
export const PENDING_MATH_SELECTOR = ".tex-pending";

let loaded: Typesetter | null = null;
let loading: Promise<Typesetter> | null = null;

export function loadMathTypesetter(): Promise<Typesetter> {
  loading ??= import("katex").then(
    (module) => (loaded = module.default),
    (error: unknown) => {
      // A failed load (a dropped connection) is tried again next time; the TeX stays readable meanwhile.
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** KaTeX once it has loaded: a page that has it typesets before it paints, with no flash of TeX. */
export function loadedMathTypesetter(): Typesetter | null {
  return loaded;
}

/** Fetches KaTeX ahead of need (a graded answer's solution will need it); a failure waits for the real need. */
export function preloadMathTypesetter(): void {
  loadMathTypesetter().catch(() => undefined);
}

/**
 * Typesets every pending formula inside `root`. The server's renderer shows TeX that KaTeX
 * refuses as KaTeX's own error markup (typeset-math.ts), and so does this: the TeX in red, the
 * reason in its title.
 */
export function typesetPendingFormulas(root: HTMLElement, katex: Typesetter): void {
  for (const element of root.querySelectorAll<HTMLElement>(PENDING_MATH_SELECTOR)) {
    const tex = element.textContent ?? "";
    element.classList.remove("tex-pending");
    katex.render(tex, element, { displayMode: element.dataset.display === "block", throwOnError: false, strict: "ignore" });
  }
}

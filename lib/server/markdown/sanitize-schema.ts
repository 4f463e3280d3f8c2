import type { Options as SanitizeSchema } from "rehype-sanitize";
import { defaultSchema } from "rehype-sanitize";

type PropertyDefinition = NonNullable<SanitizeSchema["attributes"]>[string][number];

/**
 * What may survive in the HTML Stride renders from an author's Markdown (rehype-sanitize, after
 * KaTeX): GitHub's allow-list (hast-util-sanitize's `defaultSchema`) narrowed for links and
 * widened for KaTeX's output only.
 *
 * - URLs: `href` on `a` and `src` on `img` only, and only `http:`, `https:`, `mailto:` (`href`) or
 *   `http:`, `https:` (`src`), or relative. hast-util-sanitize compares the scheme before the first
 *   colon exactly, so `JAVASCRIPT:`, `java\tscript:` or ` javascript:` match nothing and are
 *   dropped (an allow-list, not a deny-list).
 * - KaTeX (katex.org/docs/browser, "Output"): its HTML is spans with classes and inline styles
 *   (sizes, offsets, colours), a few SVGs (`\sqrt`, stretchy arrows, `\cancel`) and a MathML copy
 *   for screen readers (`math`, `semantics`, `mrow`, …, `annotation` with the TeX).
 * - No `on*` attribute, no `script`, `style`, `iframe`, `object`, `embed` or `form` element (none
 *   is on the lists), no `action`, and a `style` attribute only of plain declarations: no
 *   backslash (so no CSS escape can spell a function), and no function but `calc()`, so neither
 *   `url(` nor `expression(` passes.
 */

/** KaTeX's class names: letters, digits, `-` and `_` (`mord`, `vlist-t`, `reset-size6`). */
const CLASS_NAME = /^[A-Za-z0-9_-]+$/;

/**
 * Inline CSS as KaTeX writes it (`height:0.8141em;vertical-align:-0.25em;`, `color:#cc0000`,
 * `min-width:calc(100% - 1em)`): letters, digits, `- . , : ; % # + ( )` and spaces, where a `(` may
 * only open `calc(`.
 */
export const SAFE_STYLE = /^(?:[A-Za-z0-9\s.,:;%#+)-]|\bcalc\()*$/;

export const MATHML_ELEMENTS = [
  "math",
  "semantics",
  "annotation",
  "mrow",
  "mi",
  "mo",
  "mn",
  "ms",
  "mtext",
  "mspace",
  "msup",
  "msub",
  "msubsup",
  "mfrac",
  "msqrt",
  "mroot",
  "mover",
  "munder",
  "munderover",
  "mpadded",
  "mphantom",
  "menclose",
  "mstyle",
  "mtable",
  "mtr",
  "mtd",
  "mlabeledtr",
  "merror",
];

/** Presentation attributes KaTeX sets on MathML elements (none takes a URL). */
const MATHML_ATTRIBUTES = [
  "xmlns",
  "display",
  "encoding",
  "mathvariant",
  "mathsize",
  "mathcolor",
  "mathbackground",
  "stretchy",
  "fence",
  "separator",
  "lspace",
  "rspace",
  "minsize",
  "maxsize",
  "largeop",
  "movablelimits",
  "accent",
  "accentunder",
  "linethickness",
  "scriptlevel",
  "displaystyle",
  "notation",
  "width",
  "height",
  "depth",
  "voffset",
  "linebreak",
  "columnalign",
  "columnlines",
  "columnspacing",
  "rowalign",
  "rowlines",
  "rowspacing",
  "frame",
  "framespacing",
  "side",
  "valign",
  "align",
  "columnspan",
  "rowspan",
];

/** KaTeX's SVGs: a `svg` holding `path`s or `line`s (shapes only; no `use`, `image` or `foreignObject`). */
const SVG_ATTRIBUTES: Record<string, PropertyDefinition[]> = {
  svg: ["xmlns", "width", "height", "viewBox", "preserveAspectRatio", ["style", SAFE_STYLE]],
  path: ["d"],
  line: ["x1", "y1", "x2", "y2", "strokeWidth", "stroke"],
};

const defaultAttributes = defaultSchema.attributes ?? {};

export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((tag) => tag !== "input"), ...MATHML_ELEMENTS, ...Object.keys(SVG_ATTRIBUTES)],
  attributes: {
    ...Object.fromEntries(Object.entries(defaultAttributes).filter(([tag]) => tag !== "input" && tag !== "a" && tag !== "img")),
    "*": [...(defaultAttributes["*"] ?? []).filter((name) => name !== "action" && name !== "method" && name !== "encType" && name !== "acceptCharset" && name !== "accept")],
    a: ["ariaDescribedBy", "ariaLabel", "ariaLabelledBy", "href"],
    img: ["ariaDescribedBy", "ariaLabel", "ariaLabelledBy", "src", "alt"],
    code: [["className", /^language-[A-Za-z0-9_+-]+$/]],
    span: [["className", CLASS_NAME], ["style", SAFE_STYLE], "ariaHidden"],
    ...Object.fromEntries(MATHML_ELEMENTS.map((tag): [string, PropertyDefinition[]] => [tag, [...MATHML_ATTRIBUTES, ["style", SAFE_STYLE]]])),
    ...SVG_ATTRIBUTES,
  },
  protocols: { href: ["http", "https", "mailto"], src: ["http", "https"], cite: ["http", "https"], longDesc: ["http", "https"] },
  required: {},
  strip: ["script", "style"],
};

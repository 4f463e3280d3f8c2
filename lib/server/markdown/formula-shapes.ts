/**
 * Formulas typeset by their shape. A variant's formulas carry its numbers, so a fresh variant's
 * formulas are new to a cache keyed by their TeX, while the same formulas with other numbers
 * ("shapes": every run of digits read as one 0) recur across seeds. KaTeX sets a run of digits as
 * one piece of text whatever its length and value (every digit has the same metrics), so two
 * formulas of one shape are typeset alike but for the numbers copied into the text.
 *
 * That is checked for each shape rather than assumed. The shape is typeset with one-digit numbers
 * chosen so that the output tells which number of the TeX each output digit came from (the i-th
 * number is i's decimal digits over as many renders as needed), once more with every digit
 * changed, and then with two- and three-digit numbers, whose HTML must be exactly what the learned
 * template gives them. A shape is used only if all of that holds, each number standing in text
 * (never in a tag); otherwise every formula of that shape is typeset alone. This is what catches
 * TeX that reads a number's length (`x_12` is x₁ then 2, `\frac12` is ½, `\widehat` sizes its hat
 * by the characters under it). TeX that reads a digit's value (dimensions, character codes,
 * colours, repetition counts, macros) is never typeset by shape.
 * tests/server/markdown/formula-shapes.test.ts holds the result byte for byte to the renderer.
 */

/** The HTML of a shape cut where the TeX's numbers stand: `parts.length === sources.length + 1`. */
export interface ShapeTemplate {
  parts: string[];
  /** For each cut, the index of the number (in order of the TeX) that stands there. */
  sources: number[];
}

// A digit followed by a unit is a dimension; `\char`, colours and `*{n}` read a digit's value;
// `#` and definitions could make any of the TeX a value.
const READS_DIGIT_VALUES = /\d\s*(?:pt|mm|cm|in|ex|em|mu|bp|pc|dd|cc|nd|nc|sp|px)|\\(?:char|color|textcolor|colorbox|fcolorbox|def|gdef|edef|xdef|let|newcommand|renewcommand|providecommand)(?![A-Za-z])|\*\s*\{|#/;

// A digit right after `^` or `_` is a script of one character: `x^23` is x² then 3. It stays in
// the shape as written, and what follows it is a number of its own.
const SCRIPT_DIGIT = /([_^]\s*)(\d)/g;
const PROTECTED = "\uE000";

/** The TeX's numbers, in order, and its shape (each number as one 0); scripts' single digits stay. */
export function numbersOf(tex: string): { shape: string; numbers: string[] } {
  const numbers: string[] = [];
  const shape = tex
    .replace(SCRIPT_DIGIT, (_, before: string, digit: string) => `${before}${PROTECTED}${digit}`)
    .replace(/(\uE000\d)|\d+/g, (match: string, script: string | undefined) => {
      if (script) return script;
      numbers.push(match);
      return "0";
    });
  return { shape, numbers };
}

/** The key under which formulas of one shape share a template; null when the TeX has no number or reads one by value. */
export function shapeKey(tex: string): string | null {
  if (tex.includes(PROTECTED) || !/\d/.test(tex) || READS_DIGIT_VALUES.test(tex)) return null;
  const { shape, numbers } = numbersOf(tex);
  return numbers.length > 0 ? shape : null;
}

/** `shape` with its i-th number replaced by `numberOf(i)`, as TeX again. */
function withNumbers(shape: string, numberOf: (index: number) => string): string {
  let index = 0;
  return shape.replace(/(\uE000\d)|0/g, (match: string, script: string | undefined) => (script ? script.slice(1) : numberOf(index++)));
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Whether `index` in `html` is in text, not inside a tag. */
function inText(html: string, index: number): boolean {
  return html.lastIndexOf("<", index) <= html.lastIndexOf(">", index);
}

/** The template read off renders whose numbers are one digit each; null where they disagree but for those digits. */
function templateOf(renders: readonly string[], changed: string, count: number): ShapeTemplate | null {
  const first = renders[0]!;
  if (changed.length !== first.length || renders.some((html) => html.length !== first.length)) return null;
  const parts: string[] = [];
  const sources: number[] = [];
  let cut = 0;
  for (let at = 0; at < first.length; at += 1) {
    const code = first.charCodeAt(at);
    if (changed.charCodeAt(at) === code) {
      for (let round = 1; round < renders.length; round += 1) if (renders[round]!.charCodeAt(at) !== code) return null;
      continue;
    }
    if (!isDigitCode(code) || !isDigitCode(changed.charCodeAt(at)) || !inText(first, at)) return null;
    let index = 0;
    for (let round = renders.length - 1; round >= 0; round -= 1) {
      const digit = renders[round]!.charCodeAt(at);
      if (!isDigitCode(digit)) return null;
      index = index * 10 + (digit - 48);
    }
    if (index >= count || changed.charCodeAt(at) - 48 !== (index + 1) % 10) return null;
    parts.push(first.slice(cut, at));
    sources.push(index);
    cut = at + 1;
  }
  parts.push(first.slice(cut));
  return { parts, sources };
}

function fill(template: ShapeTemplate, numbers: readonly string[]): string {
  let html = template.parts[0]!;
  for (let cut = 0; cut < template.sources.length; cut += 1) html += numbers[template.sources[cut]!]! + template.parts[cut + 1]!;
  return html;
}

/**
 * The template of a shape (`shapeKey`), learned by typesetting it a few times with `render`;
 * null when the renders show that its numbers change more than the text they stand in.
 */
export function learnShape(shape: string, render: (tex: string) => string): ShapeTemplate | null {
  const count = shape.replace(/\uE000\d/g, "").match(/0/g)?.length ?? 0;
  if (count === 0) return null;
  let rounds = 1;
  while (10 ** rounds < count) rounds += 1;
  const renders = Array.from({ length: rounds }, (_, round) => render(withNumbers(shape, (index) => String(Math.floor(index / 10 ** round) % 10))));
  // Every number differs from the first render's, so every digit that reaches the output shows.
  const template = templateOf(renders, render(withNumbers(shape, (index) => String((index + 1) % 10))), count);
  if (!template) return null;
  for (const length of [2, 3]) {
    const numbers = Array.from({ length: count }, (_, index) => String((index % 9) + 1).repeat(length));
    if (render(withNumbers(shape, (index) => numbers[index]!)) !== fill(template, numbers)) return null;
  }
  return template;
}

/** The HTML of `tex` from its shape's template: the template's text with `tex`'s own numbers. */
export function applyShape(template: ShapeTemplate, tex: string): string {
  return fill(template, numbersOf(tex).numbers);
}

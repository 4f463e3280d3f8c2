/**
 * The example answers that hints and format errors show. A hint sits beside every problem, so an
 * example that is some variant's key hands that key to whoever reads it (the old whole-number
 * example, 196,609,000, was the key of params.dense-vs-conv for 32 seeds in 1,000). These values are
 * chosen outside what the templates produce: whole numbers with no CNN factorisation, a shape whose
 * channel count and sides no template uses together, matrix entries with tenths (keys are whole,
 * quarters, or BatchNorm's unrounded floats). tests/grading/answer-examples.test.ts reads every
 * template's keys over many seeds and fails if an example equals one.
 */

/** Whole numbers in the forms a learner may type: grouped digits, scientific notation, arithmetic. */
export const INTEGER_EXAMPLES = { grouped: "1,234,567", scientific: "7.5e6", arithmetic: "12*34*56 + 789" } as const;

/** Numbers in the forms a learner may type. */
export const NUMBER_EXAMPLES = { decimal: "0.37", scientific: "2.5e-3", fraction: "1/7", arithmetic: "(31+2-4)/2+1" } as const;

/** A shape, as `C×H×W`. */
export const SHAPE_EXAMPLE = [5, 17, 31] as const;

/**
 * A design answer's layer list: 5 output channels and a 1×1 kernel, which no design template asks
 * for, so the example never meets a variant's output-shape constraint.
 */
export const SPEC_EXAMPLE = '{"layers": [{"type": "conv2d", "filters": 5, "kernel": 1}]}';

/** One layer, as a layer-list entry looks. */
export const SPEC_LAYER_EXAMPLE = '{"type": "relu"}';

/**
 * A `rows × cols` matrix whose entry in row i, column j reads "i.j" (1-based): the layout is easy to
 * see, and tenths are not what a template's key holds.
 */
export function matrixExample(rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => Number(`${r + 1}.${c + 1}`)));
}

/** The matrix in the hint under the answer field, whatever the key's size. */
export const MATRIX_HINT_EXAMPLE = matrixExample(2, 2);

/** A matrix as a learner may type it: rows separated by `; `, entries by spaces. */
export function matrixAsRows(matrix: readonly (readonly number[])[]): string {
  return matrix.map((row) => row.join(" ")).join("; ");
}

/** A matrix as JSON with a space after each comma, as a person writes it. */
export function matrixAsJson(matrix: readonly (readonly number[])[]): string {
  return `[${matrix.map((row) => `[${row.join(", ")}]`).join(", ")}]`;
}

/**
 * The values the answer hints' messages (`review.hints.*`) take, so the catalogue holds the
 * sentence and this module the numbers.
 */
export function answerHintValues(): Record<string, string> {
  return {
    grouped: INTEGER_EXAMPLES.grouped,
    scientific: INTEGER_EXAMPLES.scientific,
    arithmetic: INTEGER_EXAMPLES.arithmetic,
    decimal: NUMBER_EXAMPLES.decimal,
    fraction: NUMBER_EXAMPLES.fraction,
    shape: SHAPE_EXAMPLE.join("x"),
    shapeTuple: `(${SHAPE_EXAMPLE.join(", ")})`,
    matrix: matrixAsJson(MATRIX_HINT_EXAMPLE),
    spec: SPEC_EXAMPLE,
  };
}

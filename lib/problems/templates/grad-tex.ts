import { displayMath } from "../latex";

/**
 * The formulas of the convolution-gradient templates as KaTeX, with the variant's stride s and
 * padding p written in. Indices start at 1, as NNDL 5.1–5.3 writes them: output entry (i, j)
 * uses X[s(i − 1) + a − p][s(j − 1) + b − p] with weight W[a][b], so for s = 1 and p = 0 NNDL's
 * y_{ij} = Σ w_{uv} x_{i+u−1, j+v−1}. Only symbols here: words belong in the catalogues.
 */
export interface ConvGradTex {
  /** `$Y = X \star W$` */
  forward: string;
  /** `$Y_{i,j} = \sum_{a,b} W_{a,b} X_{…}$`, the forward pass entry by entry. */
  forwardEntry: string;
  /** `$\delta = \frac{∂L}{∂Y}$` */
  delta: string;
  /** `$\frac{∂L}{∂W}$` and its name in a displayed matrix. */
  dW: string;
  dWName: string;
  dX: string;
  dXName: string;
  /** Displayed: ∂L/∂W_{a,b} = Σ δ_{i,j} X_{…}. */
  kernelFormula: string;
  /** Displayed: ∂L/∂X_{m,n} = Σ δ_{i,j} W_{…}. */
  inputFormula: string;
}

const signed = (offset: number) => (offset === 0 ? "" : offset > 0 ? ` + ${offset}` : ` - ${-offset}`);
const times = (s: number, index: string) => (s === 1 ? index : `${s}${index}`);

export function convGradTex({ stride: s, padding: p }: { stride: number; padding: number }): ConvGradTex {
  const row = `${times(s, "i")} + a${signed(-(s + p))}`;
  const col = `${times(s, "j")} + b${signed(-(s + p))}`;
  const kernelRow = `m - ${times(s, "i")}${signed(s + p)}`;
  const kernelCol = `n - ${times(s, "j")}${signed(s + p)}`;
  const dWName = "\\frac{\\partial L}{\\partial W}";
  const dXName = "\\frac{\\partial L}{\\partial X}";
  return {
    forward: "$Y = X \\star W$",
    forwardEntry: `$Y_{i,j} = \\sum_{a,b} W_{a,b}\\, X_{${row},\\, ${col}}$`,
    delta: "$\\delta = \\frac{\\partial L}{\\partial Y}$",
    dW: `$${dWName}$`,
    dWName,
    dX: `$${dXName}$`,
    dXName,
    kernelFormula: displayMath(`\\frac{\\partial L}{\\partial W_{a,b}} = \\sum_{i,j} \\delta_{i,j}\\, X_{${row},\\, ${col}}`),
    inputFormula: displayMath(`\\frac{\\partial L}{\\partial X_{m,n}} = \\sum_{i,j} \\delta_{i,j}\\, W_{${kernelRow},\\, ${kernelCol}}`),
  };
}

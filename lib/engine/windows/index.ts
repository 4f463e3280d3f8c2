/** The sandbox's step-by-step view of an op: its windows, their product sums, matrices as typed. */
export { opWindows, type OpWindows, type OutputWindow, type WindowOp, type WindowSettings, type WindowTerm } from "./op-windows";
export { formatNumber, productSumText } from "./product-sum";
export { matrixToText, parseMatrixText, type MatrixText } from "./matrix-text";

/** Grading: reading what a learner typed and scoring it against the key, with feedback in both languages. */
export { gradeAnswer } from "./grade-answer";
export { MAX_ANSWER_LENGTH, parseShape, type ShapeFormatProblem } from "./parse-shape";
export { parseInteger, parseNumber, withinTolerance, type NumberFormatProblem } from "./parse-number";
export { parseMatrix, type MatrixFormatProblem } from "./parse-matrix";
export { parseChoice, parseChoices, type ChoiceFormatProblem } from "./parse-choice";
export { parseBoolean, type BooleanFormatProblem } from "./parse-boolean";
export { MAX_SPEC_DEPTH, MAX_SPEC_LAYERS, parseSpec, type ParsedSpec, type SpecFormatProblem } from "./parse-spec";
export type { GradeResult } from "./types";
export { keysAgree } from "./keys-agree";

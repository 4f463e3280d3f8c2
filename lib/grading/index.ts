/** Grading: reading what a learner typed and scoring it against the key, with feedback in both languages. */
export { gradeAnswer } from "./grade-answer";
export { MAX_ANSWER_LENGTH, parseShape, type ShapeFormatProblem } from "./parse-shape";
export type { GradeResult } from "./types";

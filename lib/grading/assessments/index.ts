/** Scoring rules of quizzes and exams (issue 14): pure functions of the rules, the tries and the server's clock. */
export type { AnswerSchedule, AssessmentKind, LearnerOverride, QuestionRules } from "./rules";
export { checkQuestionRules, checkSchedule, MAX_QUESTION_POINTS, MAX_TIME_LIMIT_MINUTES, MAX_TRY_VALUES, type RuleProblem } from "./check-rules";
export { answerWindow, closesAt, effectiveDates, type AnswerWindow } from "./answer-window";
export { attemptDeadline, attemptIsOpen } from "./attempt-deadline";
export { questionScore, triesAllowed, tryPoints, type GradedTry, type QuestionScore } from "./question-score";
export { assessmentScore, type AssessmentScore } from "./assessment-score";
export { visibleParts, type ReviewOptions, type ShownWhen, type Visible } from "./review-options";
export { scoreRelease, type ScoreRelease } from "./score-release";
export { checkZones, drawQuestions, MAX_POOL_SIZE, MAX_ZONES, type DrawnQuestion, type Zone } from "./draw-questions";
export { regradeQuestion, type RegradeChange } from "./regrade-question";
export { seedOfDigest, tryMessage, trySeed } from "./try-seed";
export { instantOf, isWallClock, wallClockOf } from "./course-clock";

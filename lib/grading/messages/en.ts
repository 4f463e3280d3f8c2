/** English grading messages: verdicts and format errors, for every template. ICU syntax. */
export const en = {
  verdict: {
    correct: "Correct: the answer is {answer}.",
    partial:
      "Partly right: {right, plural, =1 {one of {total} dimensions is} other {# of {total} dimensions are}} correct. The answer is {answer}.",
    wrong: "Not quite. The answer is {answer}.",
  },
  format: {
    expectedShape:
      "Enter {rank, plural, =1 {one whole number} other {# whole numbers}} separated by x, commas or spaces, for example {example}.",
    empty: "The answer is empty. {expected}",
    tooLong: "The answer is longer than {max} characters. {expected}",
    wrongRank:
      "The shape needs {rank, plural, =1 {one dimension} other {# dimensions}}, but the answer has {given, plural, =1 {one} other {#}}. {expected}",
    notInteger: "“{token}” is not a whole number. {expected}",
  },
} as const;

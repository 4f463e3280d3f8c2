/** English labels of the CLI's human-readable output. ICU syntax. */
export const en = {
  sample: {
    heading: "{template} · seed {seed} · {topic}",
    answer: "Answer: {answer}",
    solution: "Solution:",
  },
  grade: {
    score: "Score: {score} ({verdict, select, correct {correct} other {not correct}})",
    mistake: "Mistake: {mistake}",
    formatError: "Not graded, format error: {message}",
  },
} as const;

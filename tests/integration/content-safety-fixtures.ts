/** Bundles for the import tests (issue 11, item 6): a published question that cannot be built among good ones. */
import type { QuestionDefinition } from "@/lib/questions";
import { poolingChoice, strideQuestion } from "./courses-support";

/** Every variant divides by zero: a − a is 0 for a = 1 and a = 2 (2 variants, both failing). */
export const divideByZero: QuestionDefinition = {
  kind: "custom",
  title: { en: "Divide by nothing" },
  topic: "conv-arithmetic",
  difficulty: "easy",
  prompt: { en: "What is {{a}} / ({{a}} - {{a}})?" },
  variables: [{ name: "a", values: [1, 2] }],
  answer: { kind: "integer", formula: "a/(a-a)" },
};

/** The bundle text of questions given as `[key, versions]`. */
export function bundleText(questions: [string, { version: number; published: boolean; definition: QuestionDefinition }[]][]): string {
  return JSON.stringify({ format: "stride-bank", version: 1, bank: { title: "Imported", questions: questions.map(([key, versions]) => ({ key, versions })) } });
}

export const mixedBundle = bundleText([
  ["broken", [{ version: 1, published: true, definition: divideByZero }]],
  ["stride", [{ version: 1, published: true, definition: strideQuestion }]],
  ["pooling", [{ version: 1, published: false, definition: poolingChoice }]],
  // Version 1 is what goes live (and passes); the broken version 2 is a draft, as the bundle says.
  [
    "edited",
    [
      { version: 1, published: true, definition: poolingChoice },
      { version: 2, published: false, definition: { ...divideByZero, title: { en: "Edited into a broken draft" } } },
    ],
  ],
]);

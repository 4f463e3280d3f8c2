import { z } from "zod";
import { listTemplates, TOPICS } from "../problems";
import { compileFormula, FormulaError } from "./formula";
import { opNestingIssue, specNestingMessage } from "./nesting";
import { placeholdersIn } from "./placeholders";

/**
 * The question definitions an instructor writes, as plain JSON documents (each version of a
 * question is one). Three kinds: a catalog template narrowed (`builtin`), a parametrised template
 * of the instructor's own (`custom`), and a fixed question (`fixed`). Every issue names its field
 * path, so the editor can put the message beside the field.
 */

const notBlank = (text: string) => text.trim().length > 0;

/** Text in English, and in Chinese where the author gave it (the English is shown otherwise). */
export const localizedTextSchema = z.strictObject({
  en: z.string().refine(notBlank, { message: "English text is required" }),
  "zh-CN": z.string().refine(notBlank, { message: "leave zh-CN out rather than empty" }).optional(),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const topicSchema = z.enum(TOPICS.map((topic) => topic.id) as [string, ...string[]]);
const difficultySchema = z.enum(["easy", "medium", "hard"]);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Names a formula or placeholder can use besides the variables. */
const RESERVED = new Set(["answer", "e", "pi", "true", "false"]);
const nameSchema = z
  .string()
  .regex(NAME, "a variable name is letters, digits and _, starting with a letter or _")
  .refine((name) => !RESERVED.has(name), { message: "this name is reserved (answer, e, pi, true, false)" });

// ---- built-in template, narrowed ----------------------------------------------------------------

/**
 * A condition on a number of the variant's engine check (`spec.layers.0.stride`, `op.kernel`); a
 * `[h, w]` pair satisfies it when both entries do.
 */
export const constraintSchema = z
  .strictObject({
    path: z.string().regex(/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/, "a dotted path into the check, like spec.layers.0.stride"),
    in: z.array(z.number()).min(1).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .refine((c) => c.in !== undefined || c.min !== undefined || c.max !== undefined, { message: "give in, min or max" })
  .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, { message: "min is larger than max", path: ["max"] });
export type Constraint = z.infer<typeof constraintSchema>;

export const builtinQuestionSchema = z
  .strictObject({
    kind: z.literal("builtin"),
    title: localizedTextSchema,
    template: z.string(),
    difficulties: z.array(difficultySchema).min(1).optional(),
    constraints: z.array(constraintSchema).optional(),
  })
  .superRefine((question, context) => {
    const template = listTemplates().find((t) => t.template === question.template);
    if (!template) {
      context.addIssue({ code: "custom", path: ["template"], message: `unknown template ${JSON.stringify(question.template)}` });
      return;
    }
    question.difficulties?.forEach((difficulty, index) => {
      if (!template.difficulties.includes(difficulty)) {
        context.addIssue({ code: "custom", path: ["difficulties", index], message: `${question.template} has no ${difficulty} variants (it has ${template.difficulties.join(", ")})` });
      }
    });
  });

// ---- custom parametrised template ----------------------------------------------------------------

/** Past this many values a variable is a typo, not a question (and a range's values are listed for validation). */
const MAX_VALUES = 10_000;

/** A variable: an integer range `{min, max, step?}` or a list of `values`. */
export const variableSchema = z
  .strictObject({
    name: nameSchema,
    min: z.int().optional(),
    max: z.int().optional(),
    step: z.int().positive().optional(),
    values: z.array(z.number()).min(1).optional(),
  })
  .superRefine((variable, context) => {
    const ranged = variable.min !== undefined || variable.max !== undefined || variable.step !== undefined;
    if (ranged && variable.values) context.addIssue({ code: "custom", path: ["values"], message: "give either min/max/step or values, not both" });
    else if (!variable.values && (variable.min === undefined || variable.max === undefined)) {
      context.addIssue({ code: "custom", path: [variable.min === undefined ? "min" : "max"], message: "a range needs min and max (or give values)" });
    } else if (variable.min !== undefined && variable.max !== undefined && variable.min > variable.max) {
      context.addIssue({ code: "custom", path: ["max"], message: "max is smaller than min" });
    } else if (variable.min !== undefined && variable.max !== undefined && (variable.max - variable.min) / (variable.step ?? 1) >= MAX_VALUES) {
      context.addIssue({ code: "custom", path: ["max"], message: `a range takes at most ${MAX_VALUES} values; raise step or narrow it` });
    }
  });
export type Variable = z.infer<typeof variableSchema>;

/** A variable computed from earlier ones. */
export const derivedVariableSchema = z.strictObject({ name: nameSchema, formula: z.string().min(1) });
export type DerivedVariable = z.infer<typeof derivedVariableSchema>;

/**
 * A spec or op template: JSON, its nesting checked first without recursion (nesting.ts), since
 * `z.json()` recurses once per level; a failed check stops the pipe before `z.json()` runs.
 */
const specTemplateSchema = z
  .unknown()
  .superRefine((spec, context) => {
    const message = specNestingMessage(spec);
    if (message !== null) context.addIssue({ code: "custom", message });
  })
  .pipe(z.record(z.string(), z.json()));
const opTemplateSchema = z
  .unknown()
  .superRefine((op, context) => {
    const issue = opNestingIssue(op);
    if (issue !== null) context.addIssue({ code: "custom", path: [issue.key], message: issue.message });
  })
  .pipe(z.record(z.string(), z.json()));

const engineAnswerSchema = z.discriminatedUnion("mode", [
  z.strictObject({ mode: z.literal("analyze"), spec: specTemplateSchema, select: z.string().min(1) }),
  z.strictObject({ mode: z.literal("run"), op: opTemplateSchema, select: z.string().min(1) }),
]);
/** An engine spec or op with `"{{name}}"` strings where a variable's number goes. */
export type EngineAnswerTemplate = z.infer<typeof engineAnswerSchema>;

export const customAnswerSchema = z
  .strictObject({
    kind: z.enum(["integer", "number", "shape", "matrix", "boolean"]),
    /** Relative, for `number` and `matrix` keys (default 1e-4, as the catalog's). */
    tolerance: z.number().positive().max(1).optional(),
    engine: engineAnswerSchema.optional(),
    formula: z.string().min(1).optional(),
  })
  .superRefine((answer, context) => {
    if ((answer.engine === undefined) === (answer.formula === undefined)) {
      context.addIssue({ code: "custom", path: ["engine"], message: "give exactly one of engine (a spec or op the engine keys) or formula" });
    }
    if (answer.formula !== undefined && (answer.kind === "shape" || answer.kind === "matrix")) {
      context.addIssue({ code: "custom", path: ["formula"], message: `a ${answer.kind} key comes from the engine, not from a formula` });
    }
  });

export const misconceptionRuleSchema = z
  .strictObject({
    /** Kebab-case id recorded with a review; `rule-1`, `rule-2`, … by position when absent. */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "kebab-case, like forgot-bias").optional(),
    formula: z.string().min(1).optional(),
    value: z.union([z.number(), z.boolean(), z.array(z.number())]).optional(),
    message: localizedTextSchema,
  })
  .refine((rule) => (rule.formula === undefined) !== (rule.value === undefined), { message: "give exactly one of formula or value", path: ["formula"] });
export type MisconceptionRule = z.infer<typeof misconceptionRuleSchema>;

export const customQuestionSchema = z
  .strictObject({
    kind: z.literal("custom"),
    title: localizedTextSchema,
    topic: topicSchema,
    difficulty: difficultySchema,
    prompt: localizedTextSchema,
    variables: z.array(variableSchema).min(1),
    derived: z.array(derivedVariableSchema).optional(),
    answer: customAnswerSchema,
    solution: localizedTextSchema.optional(),
    misconceptions: z.array(misconceptionRuleSchema).optional(),
  })
  .superRefine((question, context) => {
    const known = new Set<string>();
    const declare = (name: string, path: (string | number)[]) => {
      if (known.has(name)) context.addIssue({ code: "custom", path, message: `the name ${name} is used twice` });
      known.add(name);
    };
    question.variables.forEach((variable, index) => declare(variable.name, ["variables", index, "name"]));
    const checkFormula = (text: string, path: (string | number)[], names: ReadonlySet<string>) => {
      try {
        const unknown = compileFormula(text).symbols.filter((symbol) => !names.has(symbol));
        if (unknown.length > 0) context.addIssue({ code: "custom", path, message: `unknown variable ${unknown.join(", ")} (known: ${[...names].join(", ")})` });
      } catch (error) {
        if (!(error instanceof FormulaError)) throw error;
        context.addIssue({ code: "custom", path, message: error.message });
      }
    };
    question.derived?.forEach((derived, index) => {
      // Only earlier names: a derived variable is computed in order, so no cycle can exist.
      checkFormula(derived.formula, ["derived", index, "formula"], new Set(known));
      declare(derived.name, ["derived", index, "name"]);
    });
    if (question.answer.formula !== undefined) checkFormula(question.answer.formula, ["answer", "formula"], known);
    const withAnswer = new Set([...known, "answer"]);
    question.misconceptions?.forEach((rule, index) => {
      if (rule.formula !== undefined) checkFormula(rule.formula, ["misconceptions", index, "formula"], withAnswer);
    });
    const checkText = (text: LocalizedText | undefined, path: string, names: ReadonlySet<string>) => {
      for (const lang of ["en", "zh-CN"] as const) {
        const unknown = placeholdersIn(text?.[lang] ?? "").filter((name) => !names.has(name));
        if (unknown.length > 0) context.addIssue({ code: "custom", path: [path, lang], message: `unknown placeholder ${unknown.map((n) => `{{${n}}}`).join(", ")}` });
      }
    };
    checkText(question.prompt, "prompt", known);
    checkText(question.solution, "solution", withAnswer);
    question.misconceptions?.forEach((rule, index) => checkText(rule.message, `misconceptions.${index}.message`, withAnswer));
  });

// ---- fixed question -------------------------------------------------------------------------------

const optionSchema = z.strictObject({ text: localizedTextSchema, correct: z.boolean() });
const fixedAnswerSchema = z.discriminatedUnion("format", [
  z.strictObject({
    format: z.literal("choice"),
    options: z.array(optionSchema).min(2).max(26).refine((options) => options.filter((o) => o.correct).length === 1, { message: "a multiple-choice question has exactly one correct option" }),
  }),
  z.strictObject({
    format: z.literal("choices"),
    options: z.array(optionSchema).min(2).max(26).refine((options) => options.some((o) => o.correct), { message: "a multi-select question has at least one correct option" }),
  }),
  z.strictObject({ format: z.literal("boolean"), value: z.boolean() }),
  z
    .strictObject({ format: z.literal("numeric"), value: z.number(), integer: z.boolean().optional(), tolerance: z.number().positive().max(1).optional() })
    .refine((answer) => !answer.integer || Number.isInteger(answer.value), { message: "an integer answer is a whole number", path: ["value"] }),
]);

export const fixedQuestionSchema = z.strictObject({
  kind: z.literal("fixed"),
  title: localizedTextSchema,
  topic: topicSchema,
  difficulty: difficultySchema,
  prompt: localizedTextSchema,
  answer: fixedAnswerSchema,
  explanation: localizedTextSchema,
});

// ---- any question ------------------------------------------------------------------------------------

export const questionDefinitionSchema = z.discriminatedUnion("kind", [builtinQuestionSchema, customQuestionSchema, fixedQuestionSchema]);

export type BuiltinQuestion = z.infer<typeof builtinQuestionSchema>;
export type CustomQuestion = z.infer<typeof customQuestionSchema>;
export type FixedQuestion = z.infer<typeof fixedQuestionSchema>;
export type QuestionDefinition = z.infer<typeof questionDefinitionSchema>;

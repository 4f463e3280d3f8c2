import { formatEngineJson, parseEngineJson } from "./engine-json";

/**
 * The editor's form: what the instructor types, as strings (a half-typed "-" or an empty min is
 * a state of the form, not a number yet), turned into a question definition (lib/questions'
 * schema) for the server, which checks it and names each bad field by its path.
 */

export type QuestionKind = "builtin" | "custom" | "fixed";
export type Difficulty = "easy" | "medium" | "hard";
export interface TextPair {
  en: string;
  zh: string;
}

export interface ConstraintRow {
  path: string;
  mode: "in" | "range";
  values: string;
  min: string;
  max: string;
}
export interface BuiltinForm {
  kind: "builtin";
  title: TextPair;
  template: string;
  difficulties: Difficulty[];
  constraints: ConstraintRow[];
}

export interface VariableRow {
  name: string;
  mode: "range" | "list";
  min: string;
  max: string;
  step: string;
  values: string;
}
export interface DerivedRow {
  name: string;
  formula: string;
}
export interface MisconceptionRow {
  id: string;
  mode: "formula" | "value";
  formula: string;
  value: string;
  message: TextPair;
}
export type CustomAnswerKind = "integer" | "number" | "shape" | "matrix" | "boolean";
export interface CustomForm {
  kind: "custom";
  title: TextPair;
  topic: string;
  difficulty: Difficulty;
  prompt: TextPair;
  variables: VariableRow[];
  derived: DerivedRow[];
  answerKind: CustomAnswerKind;
  tolerance: string;
  source: "engine" | "formula";
  formula: string;
  engineMode: "analyze" | "run";
  engineJson: string;
  select: string;
  solution: TextPair;
  misconceptions: MisconceptionRow[];
}

export type FixedFormat = "choice" | "choices" | "boolean" | "numeric";
export interface OptionRow {
  text: TextPair;
  correct: boolean;
}
export interface FixedForm {
  kind: "fixed";
  title: TextPair;
  topic: string;
  difficulty: Difficulty;
  prompt: TextPair;
  format: FixedFormat;
  options: OptionRow[];
  booleanValue: boolean;
  numericValue: string;
  integer: boolean;
  tolerance: string;
  explanation: TextPair;
}

export type QuestionForm = BuiltinForm | CustomForm | FixedForm;

// ---- to a definition ------------------------------------------------------------------------------

/** A number typed, or the text itself when it is none (so the server names the field), or nothing. */
function numberOf(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : trimmed;
}

function numberList(text: string): (number | string)[] {
  return text
    .split(/[,，\s]+/)
    .filter((part) => part !== "")
    .map((part) => numberOf(part) as number | string);
}

function localized(pair: TextPair): { en: string; "zh-CN"?: string } {
  return pair.zh.trim() === "" ? { en: pair.en } : { en: pair.en, "zh-CN": pair.zh };
}

function optionalLocalized(pair: TextPair): { en: string; "zh-CN"?: string } | undefined {
  return pair.en.trim() === "" && pair.zh.trim() === "" ? undefined : localized(pair);
}

/** Leaves out the keys whose value is undefined, as the stored JSON would. */
function compact<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

/** A misconception's value: a number, true/false, or a list like [16, 15, 15]. */
function valueOf(text: string): unknown {
  try {
    return JSON.parse(text.trim());
  } catch {
    return text.trim();
  }
}

/**
 * The definition this form stands for, or the problems that keep it from being one (an engine
 * spec that is not JSON), by path, as the server would name them.
 */
export function toDefinition(form: QuestionForm): { ok: true; definition: Record<string, unknown> } | { ok: false; errors: Record<string, string[]> } {
  if (form.kind === "builtin") {
    return {
      ok: true,
      definition: compact({
        kind: "builtin",
        title: localized(form.title),
        template: form.template,
        difficulties: form.difficulties.length > 0 ? form.difficulties : undefined,
        constraints:
          form.constraints.length > 0
            ? form.constraints.map((row) =>
                compact(row.mode === "in" ? { path: row.path.trim(), in: numberList(row.values) } : { path: row.path.trim(), min: numberOf(row.min), max: numberOf(row.max) }),
              )
            : undefined,
      }),
    };
  }
  if (form.kind === "custom") {
    let engine: Record<string, unknown> | undefined;
    if (form.source === "engine") {
      const parsed = parseEngineJson(form.engineJson);
      if (!parsed.ok) return { ok: false, errors: { "answer.engine": [parsed.message] } };
      engine = { mode: form.engineMode, [form.engineMode === "analyze" ? "spec" : "op"]: parsed.value, select: form.select.trim() };
    }
    return {
      ok: true,
      definition: compact({
        kind: "custom",
        title: localized(form.title),
        topic: form.topic,
        difficulty: form.difficulty,
        prompt: localized(form.prompt),
        variables: form.variables.map((row) =>
          compact(row.mode === "list" ? { name: row.name.trim(), values: numberList(row.values) } : { name: row.name.trim(), min: numberOf(row.min), max: numberOf(row.max), step: numberOf(row.step) }),
        ),
        derived: form.derived.length > 0 ? form.derived.map((row) => ({ name: row.name.trim(), formula: row.formula })) : undefined,
        answer: compact({
          kind: form.answerKind,
          tolerance: numberOf(form.tolerance),
          engine,
          formula: form.source === "formula" ? form.formula : undefined,
        }),
        solution: optionalLocalized(form.solution),
        misconceptions:
          form.misconceptions.length > 0
            ? form.misconceptions.map((row) =>
                compact({
                  id: row.id.trim() || undefined,
                  formula: row.mode === "formula" ? row.formula : undefined,
                  value: row.mode === "value" ? valueOf(row.value) : undefined,
                  message: localized(row.message),
                }),
              )
            : undefined,
      }),
    };
  }
  const answer =
    form.format === "choice" || form.format === "choices"
      ? { format: form.format, options: form.options.map((option) => ({ text: localized(option.text), correct: option.correct })) }
      : form.format === "boolean"
        ? { format: "boolean", value: form.booleanValue }
        : compact({ format: "numeric", value: numberOf(form.numericValue), integer: form.integer || undefined, tolerance: numberOf(form.tolerance) });
  return {
    ok: true,
    definition: {
      kind: "fixed",
      title: localized(form.title),
      topic: form.topic,
      difficulty: form.difficulty,
      prompt: localized(form.prompt),
      answer,
      explanation: localized(form.explanation),
    },
  };
}

// ---- from a definition ----------------------------------------------------------------------------

type Json = Record<string, unknown>;
const text = (value: unknown) => (value === undefined || value === null ? "" : String(value));
const pairOf = (value: unknown): TextPair => ({ en: text((value as Json | undefined)?.en), zh: text((value as Json | undefined)?.["zh-CN"]) });
const list = (value: unknown) => (Array.isArray(value) ? value : []);

/**
 * The form for a stored definition, or for JSON the instructor typed in the advanced view:
 * missing fields become empty ones rather than errors, so the server can name them.
 */
export function fromDefinition(definition: Json, fallbackKind: QuestionKind): QuestionForm {
  const kind = (["builtin", "custom", "fixed"] as const).find((k) => k === definition.kind) ?? fallbackKind;
  const blank = emptyForm(kind);
  if (kind === "builtin") {
    return {
      kind,
      title: pairOf(definition.title),
      template: text(definition.template),
      difficulties: list(definition.difficulties) as Difficulty[],
      constraints: list(definition.constraints).map((c: Json) => ({
        path: text(c.path),
        mode: c.in !== undefined ? "in" : "range",
        values: list(c.in).join(", "),
        min: text(c.min),
        max: text(c.max),
      })),
    };
  }
  if (kind === "custom") {
    const answer = (definition.answer ?? {}) as Json;
    const engine = answer.engine as Json | undefined;
    return {
      ...(blank as CustomForm),
      title: pairOf(definition.title),
      topic: text(definition.topic),
      difficulty: (definition.difficulty as Difficulty) ?? "medium",
      prompt: pairOf(definition.prompt),
      variables: list(definition.variables).map((v: Json) => ({
        name: text(v.name),
        mode: v.values !== undefined ? "list" : "range",
        min: text(v.min),
        max: text(v.max),
        step: text(v.step),
        values: list(v.values).join(", "),
      })),
      derived: list(definition.derived).map((d: Json) => ({ name: text(d.name), formula: text(d.formula) })),
      answerKind: (answer.kind as CustomAnswerKind) ?? "integer",
      tolerance: text(answer.tolerance),
      source: answer.formula !== undefined ? "formula" : "engine",
      formula: text(answer.formula),
      engineMode: engine?.mode === "run" ? "run" : "analyze",
      engineJson: engine ? formatEngineJson(engine.mode === "run" ? engine.op : engine.spec) : "",
      select: text(engine?.select),
      solution: pairOf(definition.solution),
      misconceptions: list(definition.misconceptions).map((m: Json) => ({
        id: text(m.id),
        mode: m.value !== undefined ? "value" : "formula",
        formula: text(m.formula),
        value: m.value === undefined ? "" : JSON.stringify(m.value),
        message: pairOf(m.message),
      })),
    };
  }
  const answer = (definition.answer ?? {}) as Json;
  const format = (["choice", "choices", "boolean", "numeric"] as const).find((f) => f === answer.format) ?? "choice";
  return {
    ...(blank as FixedForm),
    title: pairOf(definition.title),
    topic: text(definition.topic),
    difficulty: (definition.difficulty as Difficulty) ?? "easy",
    prompt: pairOf(definition.prompt),
    format,
    options: answer.options !== undefined ? list(answer.options).map((o: Json) => ({ text: pairOf(o.text), correct: o.correct === true })) : (blank as FixedForm).options,
    booleanValue: answer.value === true,
    numericValue: format === "numeric" ? text(answer.value) : "",
    integer: answer.integer === true,
    tolerance: text(answer.tolerance),
    explanation: pairOf(definition.explanation),
  };
}

// ---- a new question -------------------------------------------------------------------------------

const EMPTY: TextPair = { en: "", zh: "" };

/**
 * Where a new question starts. A custom one starts from a worked example (a conv layer whose
 * parameter count the engine keys, d2l 7.4 / zh 6.4), so the instructor edits rather than
 * invents the format.
 */
export function emptyForm(kind: QuestionKind): QuestionForm {
  if (kind === "builtin") return { kind, title: { ...EMPTY }, template: "", difficulties: [], constraints: [] };
  if (kind === "fixed") {
    return {
      kind,
      title: { ...EMPTY },
      topic: "concepts",
      difficulty: "easy",
      prompt: { ...EMPTY },
      format: "choice",
      options: [
        { text: { ...EMPTY }, correct: true },
        { text: { ...EMPTY }, correct: false },
      ],
      booleanValue: true,
      numericValue: "",
      integer: false,
      tolerance: "",
      explanation: { ...EMPTY },
    };
  }
  return {
    kind,
    title: { en: "Parameters of a convolutional layer", zh: "卷积层的参数个数" },
    topic: "parameters",
    difficulty: "medium",
    prompt: {
      en: "A convolutional layer takes a $32 \\times 32$ input with $c_i = {{c}}$ channels to $c_o = {{f}}$ output channels with ${{k}} \\times {{k}}$ kernels and a bias. How many trainable parameters does it have?",
      zh: "一个卷积层的输入为 $32 \\times 32$，有 $c_i = {{c}}$ 个输入通道，输出 $c_o = {{f}}$ 个通道，卷积核为 ${{k}} \\times {{k}}$，带偏置。它有多少个可训练参数？",
    },
    variables: [
      { name: "c", mode: "list", min: "", max: "", step: "", values: "1, 3" },
      { name: "f", mode: "list", min: "", max: "", step: "", values: "8, 16" },
      { name: "k", mode: "range", min: "3", max: "5", step: "", values: "" },
    ],
    derived: [],
    answerKind: "integer",
    tolerance: "",
    source: "engine",
    formula: "",
    engineMode: "analyze",
    engineJson: ENGINE_EXAMPLE,
    select: "totalParams",
    solution: {
      en: "Each of the ${{f}}$ kernels has ${{c}} \\cdot {{k}} \\cdot {{k}}$ weights, plus one bias per output channel: ${{f}} \\cdot {{c}} \\cdot {{k}}^2 + {{f}} = {{answer}}$.",
      zh: "${{f}}$ 个卷积核各有 ${{c}} \\cdot {{k}} \\cdot {{k}}$ 个权重，每个输出通道另有一个偏置：${{f}} \\cdot {{c}} \\cdot {{k}}^2 + {{f}} = {{answer}}$。",
    },
    misconceptions: [{ id: "forgot-bias", mode: "formula", formula: "f * c * k * k", value: "", message: { en: "You left out the biases: one per output channel.", zh: "你漏掉了偏置：每个输出通道一个。" } }],
  };
}

/** The engine answer a custom question starts from: a conv block whose parameter count is asked. */
export const ENGINE_EXAMPLE = '{"input":[{{c}},32,32],"layers":[{"type":"conv2d","filters":{{f}},"kernel":{{k}}}]}';

import type { FailureGroup } from "../../questions";
import { readBundle, runValidation } from "../../server/questions/question-content";
import { noPositionals, parseFlags } from "../args";
import { UsageError } from "../errors";
import type { CliIo } from "../io";
import { readTextInput } from "../read-text";
import { asCliErrors } from "./bank-errors";

/**
 * `stride bank validate FILE|- [--json]`: checks a bundle file without a database: its schema,
 * then the validation run on each question's latest version. Exit 0 when every one passes, 2
 * when the file is invalid or a version fails (its failures listed).
 */
export async function bankValidate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags("bank validate", args, { json: { type: "boolean" } });
  const [file, ...rest] = positionals;
  noPositionals("bank validate", rest);
  if (!file) throw new UsageError("bank validate: give the bundle FILE (or - for stdin)");
  const text = await readTextInput(io, "bank validate", file);
  const bank = await asCliErrors(() => readBundle(text));
  const now = new Date();
  const results = bank.questions.map((question) => {
    const latest = question.versions.at(-1)!;
    return { key: question.key, version: latest.version, ...runValidation(latest.definition, { templateId: `question:${question.key}`, now }) };
  });
  for (const result of results) {
    if (values.json) {
      await io.out(`${JSON.stringify(result)}\n`);
      continue;
    }
    const failed = result.ok ? "ok" : `failed: ${result.failureCount}`;
    await io.out(`${result.key} v${result.version}: ${failed}; variants checked: ${result.checked} (${result.exhaustive ? "all" : "sampled"}); duplicate groups: ${result.duplicateCount}\n`);
    for (const group of result.failureGroups ?? []) await io.out(`  ${failureGroupLine(group)}\n`);
  }
  return results.every((result) => result.ok) ? 0 : 2;
}

/**
 * One line for failures that say the same thing: `147 variants: engine-error: … (e.g. {"k":9,"s":1},
 * {"k":9,"s":2}, …)`, so a rule broken by most of a variable space is read once.
 */
export function failureGroupLine(group: FailureGroup): string {
  const examples = group.examples.map((example) => (example.variables ? JSON.stringify(example.variables) : example.seed !== undefined ? `seed ${example.seed}` : null));
  const shown = examples.filter((example) => example !== null);
  const more = group.count > shown.length ? ", …" : "";
  const which = shown.length === 0 ? "" : ` (${group.count === 1 ? "" : "e.g. "}${shown.join(", ")}${more})`;
  return `${group.count} ${group.count === 1 ? "variant" : "variants"}: ${group.code}: ${group.message}${which}`;
}

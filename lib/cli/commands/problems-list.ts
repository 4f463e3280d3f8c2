import { listTemplates } from "../../problems";
import { noPositionals, parseFlags } from "../args";
import type { CliIo } from "../io";

/** `stride problems list [--json]` */
export async function problemsList(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags("problems list", args, { json: { type: "boolean" } });
  noPositionals("problems list", positionals);
  const templates = listTemplates();
  if (values.json) {
    await io.out(`${JSON.stringify(templates)}\n`);
    return 0;
  }
  for (const t of templates) {
    await io.out(`${t.template}  (${t.topic}, ${t.answerKind}, ${t.difficulties.join("/")})\n  ${t.title.en}\n  ${t.title["zh-CN"]}\n`);
  }
  return 0;
}

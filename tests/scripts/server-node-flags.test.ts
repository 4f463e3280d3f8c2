import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SERVER_NODE_FLAGS } from "@/scripts/server-node-flags";

const scripts = (JSON.parse(readFileSync(path.join(import.meta.dirname, "../../package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

describe("the server's Node flags", () => {
  it.each(["start", "dev"])("are the ones `npm run %s` gives node, before the launcher", (name) => {
    const command = scripts[name]!;
    const launcher = command.indexOf("scripts/start.ts");
    expect(launcher).toBeGreaterThan(0);
    for (const flag of SERVER_NODE_FLAGS) {
      const at = command.indexOf(` ${flag} `);
      expect(at, `${flag} in "${command}"`).toBeGreaterThan(0);
      expect(at).toBeLessThan(launcher);
    }
  });
});

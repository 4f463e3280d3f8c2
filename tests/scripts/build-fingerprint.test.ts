import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { apiBundlePath, buildIsCurrent, recordBuild, sourceFingerprint } from "@/scripts/build-fingerprint";

describe("build fingerprint", () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function project() {
    root = mkdtempSync(path.join(tmpdir(), "stride-fp-"));
    mkdirSync(path.join(root, "app"), { recursive: true });
    mkdirSync(path.join(root, "lib", "db", "generated"), { recursive: true });
    writeFileSync(path.join(root, "app", "page.tsx"), "export default 1;\n");
    writeFileSync(path.join(root, "next.config.js"), "export default {};\n");
    return root;
  }

  it("asks for a build when there is none, and not again after one was recorded", () => {
    project();
    expect(buildIsCurrent(root)).toBe(false);
    mkdirSync(path.join(root, ".next"));
    writeFileSync(path.join(root, ".next", "BUILD_ID"), "x");
    mkdirSync(path.join(root, ".next", "stride-api"));
    writeFileSync(path.join(root, ".next", "stride-api", "api-server.mjs"), "export {};\n");
    recordBuild(root);
    expect(buildIsCurrent(root)).toBe(true);
  });

  it("asks for a build when the API bundle that goes with it is missing (a build made before it existed)", () => {
    project();
    mkdirSync(path.join(root, ".next"));
    writeFileSync(path.join(root, ".next", "BUILD_ID"), "x");
    recordBuild(root);
    expect(buildIsCurrent(root)).toBe(false);
    expect(apiBundlePath(root)).toBe(path.join(root, ".next", "stride-api", "api-server.mjs"));
  });

  it("changes when a source changes, not when generated code does", () => {
    project();
    const before = sourceFingerprint(root);
    writeFileSync(path.join(root, "lib", "db", "generated", "client.ts"), "// generated\n");
    expect(sourceFingerprint(root)).toBe(before);
    writeFileSync(path.join(root, "app", "page.tsx"), "export default 2;\n");
    expect(sourceFingerprint(root)).not.toBe(before);
  });
});

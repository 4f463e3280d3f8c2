import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildApi } from "@/scripts/build-api";

const root = path.resolve(import.meta.dirname, "../..");

describe("the API bundle (scripts/build-api.ts)", () => {
  const distDir = `.next-test-${randomBytes(4).toString("hex")}`;
  const previous = process.env.STRIDE_NEXT_DIST_DIR;
  afterAll(() => {
    if (previous === undefined) delete process.env.STRIDE_NEXT_DIST_DIR;
    else process.env.STRIDE_NEXT_DIST_DIR = previous;
    rmSync(path.join(root, distDir), { recursive: true, force: true });
  });

  it("is built into the Next.js build's folder, and loads in plain Node (no React server condition) with what the launcher calls", { timeout: 60_000 }, async () => {
    process.env.STRIDE_NEXT_DIST_DIR = distDir;
    const built = await buildApi(root);
    expect(built.file).toBe(path.join(root, distDir, "stride-api", "api-server.mjs"));
    const exported = execFileSync(process.execPath, ["--input-type=module", "-e", `const m = await import(${JSON.stringify(built.file)}); console.log(Object.keys(m).sort().join(","))`], {
      cwd: root,
      encoding: "utf8",
    });
    expect(exported.trim().split(",")).toEqual(expect.arrayContaining(["isApiRequest", "prepareApi", "serveApi"]));
  });

  it("requires the Prisma runtime as Next.js's server chunks do, so both share its error classes", () => {
    const bundle = readFileSync(path.join(root, distDir, "stride-api", "api-server.mjs"), "utf8");
    expect(bundle).toContain('__require("@prisma/client/runtime/client")');
    expect(bundle).not.toMatch(/from\s*"@prisma\/client\/runtime\/client"/);
    // Packages stay in node_modules (one copy a process); our sources are compiled in.
    expect(bundle).toMatch(/from\s*"prom-client"/);
    expect(bundle).toContain("handleApiRoute");
  });
});

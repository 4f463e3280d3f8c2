import { describe, expect, it } from "vitest";
import { stride } from "./support";

describe.concurrent("stride engine zoo and analyze --zoo", { timeout: 30_000 }, () => {
  it("lists the zoo as one JSON array with inputs and totals", async () => {
    const { code, stdout, stderr } = await stride(["engine", "zoo", "--json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const models = JSON.parse(stdout) as { name: string; input: number[]; totalParams: number }[];
    // torchvision docs, resnet18: num_params 11,689,512; DESIGN.md: d2l LeNet 61,706
    expect(models).toContainEqual(expect.objectContaining({ name: "resnet18", input: [3, 224, 224], totalParams: 11_689_512 }));
    expect(models).toContainEqual(expect.objectContaining({ name: "d2l-lenet", input: [1, 28, 28], totalParams: 61_706 }));
  });

  it("lists the zoo as a table a person reads", async () => {
    const { code, stdout } = await stride(["engine", "zoo"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^name\s+origin\s+input\s+output\s+params/);
    expect(stdout).toMatch(/\nresnet50\s+torchvision\s+\[3, 224, 224\]\s+\[1000\]\s+25,557,032/); // torchvision docs
  });

  it("analyses a zoo model as JSON, and as an indented table with --table", async () => {
    const json = await stride(["engine", "analyze", "--zoo", "resnet18"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ input: [3, 224, 224], totalParams: 11_689_512 });
    const table = await stride(["engine", "analyze", "--zoo", "resnet18", "--table"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^input \[3, 224, 224\] → output \[1000\]/);
    expect(table.stdout).toMatch(/\n {2}4\.layers\.0\s+residual \(layer1\.0\)\s+\[64, 56, 56\]/);
    // by hand: 64·56·56 = 200704 output values, 64·64·9 = 36864 params
    expect(table.stdout).toMatch(/\n {4}4\.layers\.0\.body\.0\s+conv2d\s+\[64, 56, 56\]\s+200704\s+36864/);
  });

  it("exits 2 with one line for an unknown zoo model or --zoo with a file", async () => {
    const unknown = await stride(["engine", "analyze", "--zoo", "resnet19"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe("");
    expect(unknown.stderr).toMatch(/^stride: unknown zoo model "resnet19"; known models: /);
    expect(unknown.stderr.trim().split("\n")).toHaveLength(1);
    const both = await stride(["engine", "analyze", "spec.json", "--zoo", "resnet18"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/give either --zoo NAME or a FILE/);
  });

  it("answers a bad JSON Lines spec with an error line and never prints a stack trace", async () => {
    const input = [
      JSON.stringify({ input: [3, 8, 8], layers: [{ type: "residual", body: [{ type: "conv2d", filters: 4, kernel: 3, padding: 1 }] }] }),
      JSON.stringify({ input: [3, 8, 8], layers: [{ type: "conv1d", filters: 4, kernel: 3 }] }),
      "[1, 2",
    ].join("\n");
    const { code, stdout, stderr } = await stride(["engine", "analyze"], input);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const lines = stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toEqual({ error: "layer 0 (residual): body gives [4, 8, 8] but shortcut gives [3, 8, 8]; they must match to be added" });
    expect(lines[1]).toEqual({ error: "layer 0 (conv1d): needs a [C, L] input, got [3, 8, 8]" });
    expect(lines[2]?.error).toMatch(/^spec: invalid JSON/);
  });
});

import { describe, expect, it } from "vitest";
import { type LayerRow, rowsFromSpec, specFromRows } from "@/app/_components/study/spec-rows";
import { parseSpec } from "@/lib/grading";

const blank = { filters: "", kernel: "", stride: "", padding: "", dilation: "" };

describe("the design answer's layer form and its JSON", () => {
  it("writes the rows as the spec JSON, one layer a line, leaving blank fields to the engine's defaults", () => {
    const rows: LayerRow[] = [
      { ...blank, type: "conv2d", filters: "16", kernel: "3", padding: "1" },
      { ...blank, type: "relu", kernel: "5" },
      { ...blank, type: "maxpool2d", kernel: "2" },
      { ...blank, type: "dense", filters: "10" },
    ];
    const text = specFromRows(rows);
    expect(text).toBe(
      '{"layers": [\n  {"type":"conv2d","filters":16,"kernel":3,"padding":1},\n  {"type":"relu"},\n  {"type":"maxpool2d","kernel":2},\n  {"type":"dense","units":10}\n]}',
    );
    expect(parseSpec(text).ok).toBe(true);
  });

  it("sends a field that is not a whole number as typed, for the engine to name", () => {
    expect(specFromRows([{ ...blank, type: "conv2d", filters: "8", kernel: "3", padding: "same" }])).toContain('"padding":"same"');
  });

  it("reads a plain layer list back into rows, and the rows write it again", () => {
    const text = '{"layers": [{"type": "conv2d", "filters": 8, "kernel": 5, "dilation": 2, "padding": 4}, {"type": "dense", "units": 3}]}';
    const rows = rowsFromSpec(text);
    expect(rows).toEqual([
      { ...blank, type: "conv2d", filters: "8", kernel: "5", dilation: "2", padding: "4" },
      { ...blank, type: "dense", filters: "3" },
    ]);
    expect(JSON.parse(specFromRows(rows!))).toEqual(JSON.parse(text));
    expect(rowsFromSpec('[{"type": "relu"}]')).toEqual([{ ...blank, type: "relu" }]);
  });

  it("refuses to show what the form cannot hold: bad JSON, an input, a composite, a pair, an unknown field", () => {
    expect(rowsFromSpec("{")).toBeNull();
    expect(rowsFromSpec('{"input": [1, 8, 8], "layers": []}')).toBeNull();
    expect(rowsFromSpec('[{"type": "residual", "body": []}]')).toBeNull();
    expect(rowsFromSpec('[{"type": "conv2d", "filters": 2, "kernel": [3, 5]}]')).toBeNull();
    expect(rowsFromSpec('[{"type": "conv2d", "filters": 2, "kernel": 3, "bias": false}]')).toBeNull();
    expect(rowsFromSpec('[{"type": "relu", "kernel": 3}]')).toBeNull();
  });
});

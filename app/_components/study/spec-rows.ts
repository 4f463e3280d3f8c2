/**
 * The rows of the design answer's layer form and the spec JSON they stand for. A row holds what
 * the learner typed, as text; a blank field is left out of the JSON, so the engine's default
 * applies (stride 1 or the kernel for pooling, padding 0, dilation 1).
 */
export const LAYER_TYPES = ["conv2d", "maxpool2d", "avgpool2d", "relu", "batchnorm", "global_avgpool", "flatten", "dense"] as const;
export type FormLayerType = (typeof LAYER_TYPES)[number];

export type NumberField = "filters" | "kernel" | "stride" | "padding" | "dilation";

export interface LayerRow extends Record<NumberField, string> {
  type: FormLayerType;
}

/** The fields each type shows, in the order the form lays them out; `filters` is a dense layer's `units`. */
export const LAYER_FIELDS: Record<FormLayerType, readonly NumberField[]> = {
  conv2d: ["filters", "kernel", "stride", "padding", "dilation"],
  maxpool2d: ["kernel", "stride", "padding", "dilation"],
  avgpool2d: ["kernel", "stride", "padding"],
  relu: [],
  batchnorm: [],
  global_avgpool: [],
  flatten: [],
  dense: ["filters"],
};

/** A number typed as such stays a number; anything else is sent as typed, for the engine to name. */
function valueOf(text: string): number | string {
  const trimmed = text.trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** The rows as the spec JSON, one layer a line (what the JSON mode shows). */
export function specFromRows(rows: readonly LayerRow[]): string {
  const layers = rows.map((row) => {
    const layer: Record<string, number | string> = { type: row.type };
    for (const name of LAYER_FIELDS[row.type]) {
      if (row[name].trim() === "") continue;
      layer[row.type === "dense" && name === "filters" ? "units" : name] = valueOf(row[name]);
    }
    return layer;
  });
  return `{"layers": [\n${layers.map((layer) => `  ${JSON.stringify(layer)}`).join(",\n")}\n]}`;
}

/**
 * The rows of a spec's JSON, or `null` when the form cannot show it faithfully: not JSON, a layer
 * type the form lacks, a field it has no box for (a composite, `[h, w]` pairs, `bias`), or an
 * `input` other than what the problem fills in (the form has no input box).
 */
export function rowsFromSpec(text: string): LayerRow[] | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const layers = Array.isArray(json) ? json : typeof json === "object" && json !== null ? (json as { layers?: unknown }).layers : null;
  if (!Array.isArray(layers) || (typeof json === "object" && !Array.isArray(json) && Object.keys(json as object).some((key) => key !== "layers"))) return null;
  const rows: LayerRow[] = [];
  for (const layer of layers) {
    if (typeof layer !== "object" || layer === null) return null;
    const { type, ...fields } = layer as Record<string, unknown>;
    if (!LAYER_TYPES.includes(type as FormLayerType)) return null;
    const row: LayerRow = { type: type as FormLayerType, filters: "", kernel: "", stride: "", padding: "", dilation: "" };
    for (const [key, value] of Object.entries(fields)) {
      const name = (type === "dense" && key === "units" ? "filters" : key) as NumberField;
      if (!LAYER_FIELDS[row.type].includes(name) || (typeof value !== "number" && typeof value !== "string")) return null;
      row[name] = String(value);
    }
    rows.push(row);
  }
  return rows;
}

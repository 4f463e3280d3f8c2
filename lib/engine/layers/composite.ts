import type { ActivationType } from "../spec";
import { ACTIVATIONS } from "./activation";
import type { LayerFields } from "./fields";
import { countless, fieldSet, type Flow, type LayerKind, LIMITS } from "./layer-kind";

/**
 * The composites of DESIGN.md. A composite's own entry in the answer comes before its children's
 * (pre-order) and reports its output shape, receptive field and jump, but params, buffers, MACs
 * and connections of 0: its children carry those, and the totals add every entry once, so
 * nothing is counted twice. What the composite holds is reported beside, as `subtreeParams` and
 * `subtreeMacs` (filled in by the walk in `analyze.ts`, which sees the running totals).
 *
 * Receptive field through several paths (residual body and shortcut, concat branches), a
 * convention: per axis the largest over the paths, since an output unit sees the union of what
 * its paths see and each path's window is centred alike; the jump is likewise the largest.
 */

/** `sequential` (`layers`): the layers one after another, paths `"2.layers.0"`, … */
export const sequentialLayer: LayerKind = {
  types: ["sequential"],
  composite: true,
  fields: fieldSet("layers"),
  analyze(fields, input, walker) {
    return countless(walker.sequence(fields.layerList("layers", true), `${fields.path}.layers.`, input));
  },
};

/**
 * `residual` (`body`, `shortcut`, `activation`): `activation(body(x) + shortcut(x))` (d2l 7.6 zh /
 * 8.6 en). An empty or missing shortcut is the identity; both paths must give the same shape.
 * The activation after the sum is part of the residual and has no entry of its own.
 */
export const residualLayer: LayerKind = {
  types: ["residual"],
  composite: true,
  fields: fieldSet("body", "shortcut", "activation"),
  analyze(fields, input, walker) {
    fields.choice<ActivationType>("activation", ACTIVATIONS, undefined);
    const body = walker.sequence(fields.layerList("body", true), `${fields.path}.body.`, input);
    const shortcut = walker.sequence(fields.layerList("shortcut", false), `${fields.path}.shortcut.`, input);
    if (!sameShape(body.shape, shortcut.shape)) {
      fields.fail(
        "shape-mismatch",
        `body gives [${body.shape.join(", ")}] but shortcut gives [${shortcut.shape.join(", ")}]; they must match to be added`,
      );
    }
    return countless(widest(body, [shortcut], body.shape));
  },
};

/**
 * `concat` (`branches`): each branch applied to the input, joined on channels (GoogLeNet's
 * Inception, d2l 7.4 zh / 8.4 en; DenseNet, 7.7 zh / 8.7 en). An empty branch is the identity.
 * All branches must give the same rank and spatial size.
 */
export const concatLayer: LayerKind = {
  types: ["concat"],
  composite: true,
  fields: fieldSet("branches"),
  analyze(fields, input, walker) {
    const branches = fields.layerList("branches", true);
    if (branches.length === 0) fields.fail("invalid-layer", "branches must hold at least one branch");
    const outputs: Flow[] = [];
    for (let index = 0; index < branches.length; index += 1) {
      const branch = branches[index];
      if (!Array.isArray(branch)) {
        return fields.fail("invalid-layer", `branches.${index} must be an array of layers (an empty one is the identity)`);
      }
      outputs.push(walker.sequence(branch, `${fields.path}.branches.${index}.`, input));
    }
    const [first, ...rest] = outputs as [Flow, ...Flow[]];
    let channels = 0;
    for (let index = 0; index < outputs.length; index += 1) {
      const shape = (outputs[index] as Flow).shape;
      if (!sameSpatial(first.shape, shape)) {
        fields.fail(
          "shape-mismatch",
          `branch ${index} gives [${shape.join(", ")}] but branch 0 gives [${first.shape.join(", ")}]; ` +
            "branches are joined on channels, so all other sizes must match",
        );
      }
      channels += shape[0] ?? 0;
    }
    if (channels > LIMITS.channels) concatTooWide(fields, channels);
    return countless(widest(first, rest, [channels, ...first.shape.slice(1)]));
  },
};

function concatTooWide(fields: LayerFields, channels: number): never {
  return fields.fail("too-large", `the branches join to ${channels} channels, over the limit of ${LIMITS.channels}`);
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

function sameSpatial(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 1; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

/** `first`'s flow with `shape`, the field and jump per axis the largest over all paths. */
function widest(first: Flow, rest: readonly Flow[], shape: readonly number[]): Flow {
  let receptiveField = first.receptiveField;
  let jump = first.jump;
  for (const other of rest) {
    if (other.receptiveField !== receptiveField) receptiveField = maxEach(receptiveField, other.receptiveField);
    if (other.jump !== jump) jump = maxEach(jump, other.jump);
  }
  return { shape, receptiveField, jump, extent: first.extent };
}

function maxEach(a: readonly number[], b: readonly number[]): readonly number[] {
  const out = new Array<number>(a.length);
  for (let index = 0; index < a.length; index += 1) out[index] = Math.max(a[index] ?? 1, b[index] ?? 1);
  return out;
}

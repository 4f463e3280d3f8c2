/**
 * How deep a JSON text nests, found by scanning its characters, before anything parses it: the
 * tRPC data transformer decodes recursively, so an input nested a hundred thousand levels would
 * overflow the stack there ("Maximum call stack size exceeded") before the input guard could
 * name the field. This scan has no recursion and allocates only a frame per open container.
 *
 * Returns the path of the first container deeper than `maxDepth` (the document itself is at
 * depth 1, as in input-guard.ts), or null. Text that is not JSON is left for the
 * parser to refuse.
 */
export function findDeepNesting(text: string, maxDepth: number): (string | number)[] | null {
  // For each open container: an array's current index, or an object's current key (as the
  // character range of its quoted text, decoded only if a message needs it).
  const frames: { index: number; key: [number, number] | null; array: boolean }[] = [];
  let lastString: [number, number] | null = null;
  for (let at = 0; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (c === 0x22 /* " */) {
      const start = at;
      for (at++; at < text.length; at++) {
        const d = text.charCodeAt(at);
        if (d === 0x5c /* \ */) at++;
        else if (d === 0x22) break;
      }
      lastString = [start, at];
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (frames.length === maxDepth) {
        return frames.map((frame) => (frame.array ? frame.index : keyText(text, frame.key)));
      }
      frames.push({ index: 0, key: null, array: c === 0x5b });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      frames.pop();
    } else if (c === 0x2c /* , */) {
      const top = frames[frames.length - 1];
      if (top?.array) top.index += 1;
    } else if (c === 0x3a /* : */) {
      const top = frames[frames.length - 1];
      if (top && !top.array) top.key = lastString;
    }
  }
  return null;
}

function keyText(text: string, range: [number, number] | null): string {
  if (!range) return "?";
  const raw = text.slice(range[0], range[1] + 1);
  let key: string;
  try {
    key = JSON.parse(raw) as string;
  } catch {
    key = raw.slice(1, -1);
  }
  const clean = key.replaceAll("\u0000", "\\0");
  return clean.length > 60 ? `${clean.slice(0, 57)}…` : clean;
}

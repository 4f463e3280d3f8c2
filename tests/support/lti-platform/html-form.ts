/**
 * Reads the first <form> of a page the way a browser submits it: its action (resolved against the
 * page's URL), its method and its named <input> fields. Enough for the auto-submitting forms of
 * OIDC form_post responses and of tools that answer login initiation with a form; not an HTML
 * parser for anything else.
 */
export interface HtmlForm {
  action: string;
  method: "GET" | "POST";
  fields: Record<string, string>;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function attributesOf(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of tag.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    const name = match[1]!.toLowerCase();
    attributes[name] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? "");
  }
  return attributes;
}

export function parseHtmlForm(html: string, pageUrl: string): HtmlForm | undefined {
  const form = /<form\b([^>]*)>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) return undefined;
  const attributes = attributesOf(form[1]!);
  const fields: Record<string, string> = {};
  for (const input of form[2]!.matchAll(/<(?:input|button)\b([^>]*)>/gi)) {
    const inputAttributes = attributesOf(input[1]!);
    if (inputAttributes.name !== undefined && inputAttributes.value !== undefined) fields[inputAttributes.name] = inputAttributes.value;
  }
  for (const area of form[2]!.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi)) {
    const name = attributesOf(area[1]!).name;
    if (name !== undefined) fields[name] = decodeEntities(area[2]!);
  }
  return {
    action: new URL(attributes.action || pageUrl, pageUrl).toString(),
    method: (attributes.method ?? "get").toUpperCase() === "POST" ? "POST" : "GET",
    fields,
  };
}

/**
 * Reads the forms of a page the way a browser submits them: the action (resolved against the
 * page's URL), the method, and the successful controls (HTML §4.10.21.4, in short: named inputs
 * with their value, checkboxes and radios only when checked, a select's selected or first option,
 * textareas; no submit buttons). Enough for auto-submitting OIDC and deep-linking forms and for
 * simple pickers; not an HTML parser for anything else.
 */
export interface HtmlForm {
  id?: string;
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
    attributes[match[1]!.toLowerCase()] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? "");
  }
  return attributes;
}

function fieldsOf(inner: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const control of inner.matchAll(/<input\b([^>]*)>|<textarea\b([^>]*)>([\s\S]*?)<\/textarea>|<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
    if (control[1] !== undefined) {
      const input = attributesOf(control[1]);
      const type = (input.type ?? "text").toLowerCase();
      if (input.name === undefined || input.disabled !== undefined || ["submit", "button", "image", "reset", "file"].includes(type)) continue;
      if ((type === "checkbox" || type === "radio") && input.checked === undefined) continue;
      fields[input.name] = input.value ?? (type === "checkbox" || type === "radio" ? "on" : "");
    } else if (control[2] !== undefined) {
      const name = attributesOf(control[2]).name;
      if (name !== undefined) fields[name] = decodeEntities(control[3]!);
    } else {
      const name = attributesOf(control[4]!).name;
      if (name === undefined) continue;
      const options = [...control[5]!.matchAll(/<option\b([^>]*)>([^<]*)/gi)].map((option) => ({ attributes: attributesOf(option[1]!), text: decodeEntities(option[2]!.trim()) }));
      const chosen = options.find((option) => option.attributes.selected !== undefined) ?? options[0];
      if (chosen) fields[name] = chosen.attributes.value ?? chosen.text;
    }
  }
  return fields;
}

/** Every form of the page, in document order. */
export function parseHtmlForms(html: string, pageUrl: string): HtmlForm[] {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)].map((form) => {
    const attributes = attributesOf(form[1]!);
    return {
      ...(attributes.id === undefined ? {} : { id: attributes.id }),
      action: new URL(attributes.action || pageUrl, pageUrl).toString(),
      method: (attributes.method ?? "get").toUpperCase() === "POST" ? "POST" : "GET",
      fields: fieldsOf(form[2]!),
    };
  });
}

/** The first form of the page, or undefined when it has none. */
export function parseHtmlForm(html: string, pageUrl: string): HtmlForm | undefined {
  return parseHtmlForms(html, pageUrl)[0];
}

import type { Element, Nodes } from "hast";
import { fromHtml } from "hast-util-from-html";
import { describe, expect, it } from "vitest";
import { type Bank, exportGift, exportMoodleXml, type QuestionDefinition } from "@/lib/questions";
import { childrenNamed, parseXml, type XmlElement } from "./xml";

/** What an attacker would put in a question, in every text of it. */
const HOSTILE = '[x](javascript:alert(1)) <img src=x onerror="alert(1)"> <script>alert(2)</script> <a href="javascript:alert(3)">a</a> <svg onload=alert(4)>';

const hostileChoice: QuestionDefinition = {
  kind: "fixed",
  title: { en: "<img src=x onerror=alert(5)> & pooling" },
  topic: "pooling",
  difficulty: "easy",
  prompt: { en: `How many parameters? ${HOSTILE} and $<b onmouseover=alert(6)>$` },
  answer: {
    format: "choice",
    options: [
      { text: { en: `four <iframe src="javascript:alert(7)"></iframe>` }, correct: false },
      { text: { en: "zero **<u onclick=alert(8)>**" }, correct: true },
    ],
  },
  explanation: { en: `Pooling has no kernel. ${HOSTILE}` },
};
const bank: Bank = { title: "<script>alert(9)</script> week 1", questions: [{ key: "q1", versions: [{ version: 1, published: true, definition: hostileChoice }] }] };

/** The tags Markdown turns into in an export (markdown-to-html.ts); nothing else, and never an attribute. */
const EXPORT_TAGS = new Set(["p", "br", "ul", "li", "strong", "em", "code"]);

function liveMarkup(html: string): string[] {
  const found: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === "element") {
      const element = node as Element;
      if (!EXPORT_TAGS.has(element.tagName)) found.push(`<${element.tagName}>`);
      for (const name of Object.keys(element.properties ?? {})) found.push(`${element.tagName} ${name}`);
    }
    if ("children" in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(fromHtml(html, { fragment: true }));
  return found;
}

describe("exports to Moodle escape an author's raw HTML, since Moodle shows the texts as HTML", () => {
  it("GIFT: the name, category, prompt, options and feedback carry the markup as text", () => {
    const gift = exportGift(bank);
    const [category, question] = gift.trimEnd().split("\n\n") as [string, string];
    expect(category).toBe("$CATEGORY: $course$/top/&lt;script&gt;alert(9)&lt;/script&gt; week 1");
    expect(question.startsWith("::&lt;img src\\=x onerror\\=alert(5)&gt; &amp; pooling::[html]<p>")).toBe(true);
    // GIFT's escapes (\= \: \{ \}) are not HTML; undone, the rest must be plain export HTML.
    const html = gift.replace(/\\(.)/g, "$1");
    expect(liveMarkup(html)).toEqual([]);
    expect(gift).toContain("&lt;img src\\=x onerror\\=\"alert(1)\"&gt;");
    expect(gift).toContain("[x](javascript\\:alert(1))");
  });

  it("Moodle XML: every text, decoded from the XML, is plain export HTML", () => {
    const quiz = parseXml(exportMoodleXml(bank));
    const texts: string[] = [];
    const collect = (element: XmlElement) => {
      if (element.name === "text") texts.push(element.text);
      element.children.forEach(collect);
    };
    collect(quiz);
    expect(texts.length).toBeGreaterThanOrEqual(6);
    for (const text of texts) expect(liveMarkup(text)).toEqual([]);
    const [question] = childrenNamed(quiz, "question").filter((q) => q.attributes.type === "multichoice");
    expect(childrenNamed(question as XmlElement, "name")[0]?.children[0]?.text).toBe("&lt;img src=x onerror=alert(5)&gt; &amp; pooling");
    expect(texts[0]).toBe("$course$/top/&lt;script&gt;alert(9)&lt;/script&gt; week 1");
  });

  it("drops a NUL the author typed instead of letting it address another part of the text", () => {
    const withNul: Bank = { title: "b", questions: [{ key: "q", versions: [{ version: 1, published: true, definition: { ...hostileChoice, prompt: { en: "see `<b>` and \u00000\u0000 here" } } }] }] };
    expect(exportGift(withNul)).toContain("[html]<p>see <code>&lt;b&gt;</code> and 0 here</p>");
  });
});

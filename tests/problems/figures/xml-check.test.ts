import { describe, expect, it } from "vitest";
import { escapeXml } from "@/lib/problems/figures/svg";
import { checkXml } from "./xml-check";

describe("the figures' XML checker", () => {
  it("accepts a small well-formed document and reads its decoded text", () => {
    const result = checkXml('<svg a="1"><title>x &amp; y</title><g><rect b="2"/></g></svg>');
    expect(result.errors).toEqual([]);
    expect(result.root).toBe("svg");
    expect(result.texts).toEqual(["x & y"]);
  });

  it.each([
    ["an unclosed element", "<svg><g></svg>"],
    ["a bare ampersand", "<svg><text>a & b</text></svg>"],
    ["an unquoted attribute", "<svg a=1></svg>"],
    ["two roots", "<svg></svg><svg></svg>"],
    ["a raw < in an attribute", '<svg a="<"></svg>'],
  ])("rejects %s", (_name, xml) => {
    expect(checkXml(xml).errors).not.toEqual([]);
  });

  it("text escaped by escapeXml survives the round trip", () => {
    const nasty = `<script>&"'`;
    const result = checkXml(`<svg><text>${escapeXml(nasty)}</text><g title="${escapeXml(nasty)}"/></svg>`);
    expect(result.errors).toEqual([]);
    expect(result.texts).toEqual([nasty]);
    expect(result.elements[2]?.attributes.title).toBe(nasty);
  });
});

import { describe, expect, it } from "vitest";
import { parseHtmlForm, parseHtmlForms } from "@/tests/support/lti-platform";

describe("reading forms as a browser submits them", () => {
  it("resolves the action, decodes entities, and keeps hidden inputs of an auto-submitting form", () => {
    const form = parseHtmlForm(`<body onload="document.forms[0].submit()"><form method="POST" action="/lti/launch?x=1&amp;y=2"><input type="hidden" name="id_token" value="a.b.c"><input type=hidden name='state' value='s&#39;1'><noscript><button type="submit">Go</button></noscript></form>`, "http://tool.test/lti/login");
    expect(form).toEqual({ action: "http://tool.test/lti/launch?x=1&y=2", method: "POST", fields: { id_token: "a.b.c", state: "s'1" } });
  });

  it("submits checked radios and checkboxes only, a select's selected option, textareas, and no buttons", () => {
    const [, picker] = parseHtmlForms(
      `<form id="search"></form>
       <form id="picker" action="https://tool.test/pick">
         <input type="radio" name="item" value="a-1"><input type="radio" name="item" value="a-2" checked>
         <input type="checkbox" name="graded" checked><input type="checkbox" name="hidden" value="1">
         <select name="kind"><option value="practice">Practice</option><option value="assessment" selected>Assessment</option></select>
         <select name="lang"><option>en</option><option>zh-CN</option></select>
         <textarea name="note">a &lt;b&gt;</textarea>
         <input type="text" name="disabled" value="x" disabled>
         <button type="submit" name="go" value="1">Go</button><input type="submit" name="send" value="Send">
       </form>`,
      "https://tool.test/page",
    );
    expect(picker).toEqual({ id: "picker", action: "https://tool.test/pick", method: "GET", fields: { item: "a-2", graded: "on", kind: "assessment", lang: "en", note: "a <b>" } });
  });
});

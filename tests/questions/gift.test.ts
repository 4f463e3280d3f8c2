import { describe, expect, it } from "vitest";
import { exportGift } from "@/lib/questions";
import { escapeGift } from "@/lib/questions/gift";
import { demoBank } from "./bank-fixture";
import { fixedChoice } from "./fixtures";

describe("the GIFT export of a bank", () => {
  const gift = exportGift(demoBank());
  const blocks = gift.trimEnd().split("\n\n");

  it("escapes GIFT's special characters ~ = # { } : and the backslash", () => {
    expect(escapeGift("a~b=c#d{e}f:g\\h")).toBe("a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h");
    expect(blocks[0]).toBe("$CATEGORY: $course$/top/CNN basics\\: \\{week 1\\}");
    const hyper = blocks.find((block) => block.startsWith("::Which are hyperparameters? a\\=b::"));
    expect(hyper).toBe(
      "::Which are hyperparameters? a\\=b::[html]<p>Pick every hyperparameter of a conv layer\\: \\~ \\= \\# \\{ \\} \\: all appear here.</p>" +
        "{~%50%padding ~%-100%the bias b ~%50%stride ####[html]<p>Padding and stride are chosen; the bias is learned.</p>}",
    );
  });

  it("writes one question a block: numerical with tolerance, multiple choice, true/false", () => {
    expect(blocks).toHaveLength(1 + 5 + 4 + 3);
    const single = blocks.find((block) => block.startsWith("::Pooling has parameters?::"));
    expect(single).toBe(
      "::Pooling has parameters?::[html]<p>How many trainable parameters does a \\\\(2 \\\\times 2\\\\) max-pooling layer have?</p>{~4 =0 ~1 ####[html]<p>Pooling has no kernel to learn (d2l 6.5).</p>}",
    );
    expect(blocks.find((block) => block.startsWith("::Max pooling is linear::"))).toMatch(/\{FALSE ####\[html\]<p>max\(a, b\) is not linear\.<\/p>\}$/);
    // GIFT has no calculated questions: the formula question is a sample of its 4 variants, keyed
    // by hand with d2l 6.3's floor((n + 2·1 − 3)/s) + 1.
    const sizes = blocks.filter((block) => block.startsWith("::Output size ("));
    const keyed = sizes.map((block) => {
      const [, n, s, key] = /Input (\d+)×\d+, kernel 3, padding 1, stride (\d)\\: .*\{#(\d+):0 ####/.exec(block) ?? [];
      return [Number(n), Number(s), Number(key)];
    });
    expect(keyed.sort()).toEqual([
      [28, 1, 28],
      [28, 2, 14],
      [32, 1, 32],
      [32, 2, 16],
    ]);
  });

  it("keeps a question on its lines: a blank line inside display math does not end it", () => {
    const prompt = { en: "The output size:\n\n$$\nn_\\text{out} =\n\n\\left\\lfloor \\frac{n + 2p - k}{s} \\right\\rfloor + 1\n\n$$\n\nWhich is right?" };
    const bank = { title: "b", questions: [{ key: "q", versions: [{ version: 1, published: true, definition: { ...fixedChoice, prompt } }] }] };
    const [, question] = exportGift(bank).trimEnd().split("\n\n");
    expect(question).toBe(
      "::Pooling has parameters?::[html]<p>The output size\\:</p><p>\\\\[n_\\\\text\\{out\\} \\= \\\\left\\\\lfloor \\\\frac\\{n + 2p - k\\}\\{s\\} \\\\right\\\\rfloor + 1\\\\]</p><p>Which is right?</p>" +
        "{~4 =0 ~1 ####[html]<p>Pooling has no kernel to learn (d2l 6.5).</p>}",
    );
  });
});

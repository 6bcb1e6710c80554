import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseHtml, textOf, type HtmlElement } from "./html-dom";
import { detectLanguage } from "./language";

const first = (root: HtmlElement, tag: string): HtmlElement | null => {
  const stack: HtmlElement[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    if (el.tag === tag) return el;
    for (const c of el.children) if (typeof c !== "string") stack.push(c);
  }
  return null;
};

describe("parseHtml", () => {
  it("ends raw text at a closing tag in any letter case", () => {
    const root = parseHtml('<p>a</p><SCRIPT>var s = "</div>";</Script><p>b</p>');
    expect(first(root, "script")!.children).toEqual(['var s = "</div>";']);
    expect(textOf(root)).toBe("ab");
  });

  it("keeps the attributes extraction reads, and href only on <link>", () => {
    const root = parseHtml('<link rel="canonical" href="https://x.org/a?b=1&amp;c=2"><a href="/x" class="k" data-x="1">t</a>');
    expect(first(root, "link")!.attrs).toEqual({ rel: "canonical", href: "https://x.org/a?b=1&c=2" });
    expect(first(root, "a")!.attrs).toEqual({ class: "k" });
  });
});

describe("textOf with a limit", () => {
  it("is the prefix of the whole text", () => {
    const piece = fc.constantFrom("<p>", "</p>", "<div>", " ", "\n\t ", "word", "Ünïcödé", "<script>x</script>", "<b>", "</b>");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), fc.integer({ min: 0, max: 60 }), (pieces, limit) => {
        const root = parseHtml(pieces.join(""));
        expect(textOf(root, limit)).toBe(textOf(root).slice(0, limit));
      }),
    );
  });
});

describe("detectLanguage", () => {
  it("tells languages apart by function words, in any letter case", () => {
    expect(detectLanguage("THE mayor said that the council would vote on the plan in the spring and that it was")).toBe("en");
    expect(detectLanguage("Der Bürgermeister sagte, dass der Rat im Frühjahr über den Plan abstimmen wird und es ist")).toBe("de");
    expect(detectLanguage("Home News Sport Weather Contact Login Register Search")).toBeNull();
  });
});

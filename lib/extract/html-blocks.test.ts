import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractFile, type ExtractedArticle } from "./index";

function fromHtml(html: string): ExtractedArticle {
  return extractFile({ bytes: new TextEncoder().encode(html), filename: "page.html" })[0]!;
}
function fromFixture(name: string): ExtractedArticle {
  return extractFile({ bytes: new Uint8Array(readFileSync(join(process.cwd(), "fixtures/extract", name))), filename: name })[0]!;
}
const words = (s: string) => s.split(/\s+/).length;

// Sentences of running text, long enough to pass as prose wherever they are put.
const PROSE = [
  "The committee met for the third time this month and agreed that the report would be published before the end of the year.",
  "Members said they had read every submission, and that the most common complaint was about the time it takes to get an appointment.",
  "The chair told reporters that the recommendations would be sent to the minister first, as the rules of the committee require.",
  "Several of the groups that gave evidence said they would wait for the final text before they decided whether to support it.",
];
const page = (body: string, head = "") =>
  `<!doctype html><html lang="en"><head><title>Committee report | Daily</title>${head}</head><body><main><article><h1>Committee report</h1>${body}</article></main></body></html>`;

describe("article with rails, embeds and standfirst (fixtures/extract/article-rails.html)", () => {
  const a = fromFixture("article-rails.html");
  const prose = a.paragraphs.filter((p) => words(p) >= 6);

  it("keeps the article paragraphs and the embedded post, in page order", () => {
    expect(prose).toHaveLength(8);
    expect(prose[0]).toMatch(/^PORT ELLEN, Nov\. 3 — Traffic returned Monday/);
    expect(prose[4]).toBe("First bus over the bridge this morning, and the whole street came out to wave it across.");
    expect(prose[5]).toBe("— Port Ellen Buses (@portellenbus) November 3, 2019");
    expect(prose[7]).toMatch(/^The council said it would review the speed limit/);
  });
  it("drops the standfirst that repeats the description, but not as title", () => {
    expect(a.title).toBe("Harbour bridge reopens after two years of repairs");
    expect(a.body).not.toContain("carries 40,000 vehicles");
    expect(a.removed).toContain("The crossing carries 40,000 vehicles a day and its closure had split the town in two.");
  });
  it("drops repeated teaser cards even though their excerpts read as prose", () => {
    for (const t of ["Ferry fares", "ferry service", "Regatta", "Two hundred boats"]) expect(a.body).not.toContain(t);
  });
  it("drops the link rail of short headlines, the slot label and the credited caption", () => {
    for (const t of ["School roof", "Library to open", "Advertisement", "Photo: Coastal Ledger"]) expect(a.body).not.toContain(t);
    expect(a.removed).toContain("Advertisement");
  });
});

describe("data tables", () => {
  const a = fromFixture("standings-table.html");
  it("takes a standings table as the article rather than the comment notice beside it", () => {
    expect(a.body).not.toMatch(/moderator/);
    expect(a.paragraphs.slice(0, 4)).toEqual(["Pos", "Driver", "Team", "Points"]);
    const names = ["Ana Ribeiro", "Tom Lindqvist", "Kenji Mori", "Claire Dubois", "Nina Petrova"];
    const at = names.map((n) => a.paragraphs.indexOf(n));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    expect(a.body).not.toMatch(/Latest news|line-up for next season|All rights reserved/);
  });
  it("does not treat a layout table of paragraphs as data", () => {
    const rows = PROSE.map((p) => `<tr><td>${p}</td></tr>`).join("");
    const nav = `<table><tr><td><a href="/a">Home</a></td></tr><tr><td><a href="/b">News</a></td></tr><tr><td><a href="/c">About</a></td></tr></table>`;
    const b = fromHtml(`<html><body>${nav}<table>${rows}</table></body></html>`);
    expect(b.paragraphs).toEqual(PROSE);
  });
});

describe("rules that must not eat the article", () => {
  it("keeps a digest whose list items are linked paragraphs", () => {
    const items = PROSE.map((p) => `<li><a href="/x">${p}</a></li>`).join("");
    const a = fromHtml(page(`<p>${PROSE[0]}</p><p>${PROSE[1]}</p><ul>${items}</ul>`));
    for (const p of PROSE) expect(a.body).toContain(p);
    expect(a.paragraphs).toHaveLength(6);
  });
  it("keeps a lead paragraph that repeats the description (only a non-paragraph standfirst goes)", () => {
    const a = fromHtml(page(PROSE.map((p) => `<p>${p}</p>`).join(""), `<meta name="description" content="${PROSE[0]}">`));
    expect(a.paragraphs).toEqual(PROSE);
  });
  it("keeps a lead whose numbers and names leave few function words", () => {
    const lead = "DEKALB, Ill. — Jo Glass threw for three touchdowns, ran for another and Eastern rolled past Northern, 45-17, on Tuesday night.";
    const a = fromHtml(page(`<div class="byline">By Ann Lee</div><p>${lead}</p>${PROSE.map((p) => `<p>${p}</p>`).join("")}`));
    expect(a.paragraphs).toEqual([lead, ...PROSE]);
  });
  it("keeps short closing paragraphs of unspaced Japanese text", () => {
    const long = "今回の改修工事は予定より二か月早く終わり、市は来月から通常の運行に戻すと発表しました。利用者からは歓迎の声が上がっています。";
    const tail = ["また、その他にも、", "駅前の駐輪場も新しくなりました。"];
    const a = fromHtml(`<html lang="ja"><body><article>${[long, long + "詳しくは市のお知らせをご覧ください。", ...tail].map((p) => `<p>${p}</p>`).join("")}</article><footer><a href="/">トップ</a></footer></body></html>`);
    expect(a.paragraphs.slice(-2)).toEqual(tail);
  });
  it("does not take one-word list items or capitalised subheads for slot labels", () => {
    const a = fromHtml(page(`<p>${PROSE[0]}</p><ul><li>Flour</li><li>Sugar</li><li>Butter</li></ul><p>${PROSE[1]}</p><p>UP NEXT</p><p>${PROSE[2]}</p>`));
    expect(a.paragraphs).toEqual([PROSE[0], "Flour", "Sugar", "Butter", PROSE[1], "UP NEXT", PROSE[2]]);
  });
});

describe("hover cards inside paragraphs", () => {
  const card = (name: string) =>
    `<span class="person"><a href="/p/1">${name}</a><span class="card"><img src="/p.jpg" alt=""><a href="/p/1">${name}</a>` +
    `<a href="/s/2">An older story about this person that the card links to</a> <a href="/s/3">And another one</a></span></span>`;
  it("drops the card but keeps the name it belongs to", () => {
    const a = fromHtml(page(`<p>Yesterday ${card("Jo Smith")} told the committee that the report was late and that the chair knew it.</p>${PROSE.map((p) => `<p>${p}</p>`).join("")}`));
    expect(a.paragraphs[0]).toBe("Yesterday Jo Smith told the committee that the report was late and that the chair knew it.");
    expect(a.body).not.toContain("older story");
  });
  it("keeps an inline picture with one linked credit, and links without a picture", () => {
    const inline = `<p>The bridge <span><img src="/b.jpg"><a href="/c">Photo by Ann Lee</a></span> reopened on Monday, and <span><a href="/a">Ann</a> and <a href="/b">Bo</a></span> said in a statement that it was the best news the town had had in two years.</p>`;
    const a = fromHtml(page(`<p>${PROSE[0]}</p>` + inline + PROSE.slice(1).map((p) => `<p>${p}</p>`).join("")));
    expect(a.paragraphs[1]).toBe("The bridge Photo by Ann Lee reopened on Monday, and Ann and Bo said in a statement that it was the best news the town had had in two years.");
  });
});

describe("deal posts", () => {
  it("keeps each deal's linked buy line, but still drops a rail of priced links", () => {
    const deal = (p: string, shop: string) => `<h2>Deal of the day</h2><p>${p}</p><ul><li><a href="/go">Get it at ${shop} for $19.99</a></li></ul>`;
    const rail = `<ul class="x"><li><a href="/1">Cheap kettle now $9</a></li><li><a href="/2">Cheap toaster now $12</a></li><li><a href="/3">Cheap lamp now $15</a></li></ul>`;
    const a = fromHtml(page(deal(PROSE[0]!, "Shop One") + deal(PROSE[1]!, "Shop Two") + deal(PROSE[2]!, "Shop Three") + rail + `<p>${PROSE[3]}</p>`));
    for (const shop of ["Shop One", "Shop Two", "Shop Three"]) expect(a.paragraphs).toContain(`Get it at ${shop} for $19.99`);
    expect(a.body).not.toContain("Cheap");
  });
  it("keeps product boxes (linked name, bare price, shop, buy button) between the paragraphs", () => {
    const box = (name: string) =>
      `<div class="box"><div><a href="/go">${name} (latest model)</a></div><div><a href="/go">$139.00</a></div><div><a href="/go">Available from the shop</a></div><a href="/go">Buy Now</a></div>`;
    const a = fromHtml(page(`<p>${PROSE[0]}</p>${box("Wireless earbuds")}<p>${PROSE[1]}</p>${box("Smart watch")}<p>${PROSE[2]}</p>`));
    expect(a.paragraphs).toEqual([PROSE[0], "Wireless earbuds (latest model)", "$139.00", "Available from the shop", "Buy Now", PROSE[1], "Smart watch (latest model)", "$139.00", "Available from the shop", "Buy Now", PROSE[2]]);
  });
});

describe("captions credited with a copyright sign", () => {
  it("drops a short caption that opens with '© Name' between paragraphs", () => {
    const a = fromHtml(page(`<p>${PROSE[0]}</p><div>© Ann Lee Workers on the bridge deck on Monday.</div><p>${PROSE[1]}</p><p>${PROSE[2]}</p>`));
    expect(a.paragraphs).toEqual(PROSE.slice(0, 3));
    expect(a.removed).toContain("© Ann Lee Workers on the bridge deck on Monday.");
  });
});

describe("page footers", () => {
  it("drops a footer of legal prose even when the article is all short lines", () => {
    const lines = ["Breakfast", "Two eggs, one slice of toast", "Lunch", "Chicken salad, one cup of rice", "Dinner", "Bean chili with a side salad"];
    const legal = [
      "The information on this site is provided for general purposes only and is not a substitute for the advice of a doctor, who should be consulted before any change of diet.",
      "All of the names and marks that appear on this site are the property of their owners and are used with the permission of the owners where that is required.",
    ];
    const a = fromHtml(`<html lang="en"><body><div class="site"><div><h2>Meal plan</h2>${lines.map((l) => `<p>${l}</p>`).join("")}</div><footer>${legal.map((l) => `<p>${l}</p>`).join("")}</footer></div></body></html>`);
    for (const l of lines.filter((x) => x.includes(" "))) expect(a.paragraphs).toContain(l);
    expect(a.body).not.toMatch(/advice of a doctor|property of their owners/);
  });
});

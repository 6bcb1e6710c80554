import { expect, test } from "@playwright/test";

// A pasted permalink previews well: Open Graph and Twitter tags, a canonical URL, and a real image.
test("story permalinks carry preview metadata and a generated preview image", async ({ request }) => {
  const { stories } = await (await request.get("/api/stories?limit=100")).json();
  const demo = stories.find((s: { outlets: { name: string }[] }) => s.outlets.some((o) => o.name === "The Kyiv Independent"));
  const html = await (await request.get(`/stories/${demo.slug}`)).text();
  const meta = (prop: string) => new RegExp(`<meta (?:property|name)="${prop}" content="([^"]*)"`).exec(html)?.[1];
  expect(meta("og:title")).toBe(demo.title);
  expect(meta("og:description")).toMatch(/2 outlets side by side/);
  expect(meta("og:url")).toMatch(new RegExp(`/stories/${demo.slug}$`));
  expect(meta("twitter:card")).toBe("summary_large_image");
  expect(/<link rel="canonical" href="([^"]+)"/.exec(html)?.[1]).toMatch(new RegExp(`/stories/${demo.slug}$`));
  const image = meta("og:image");
  expect(image).toBeTruthy();
  const png = await request.get(new URL(image!).pathname + new URL(image!).search);
  expect(png.status()).toBe(200);
  expect(png.headers()["content-type"]).toBe("image/png");
  const bytes = await png.body();
  expect(bytes.subarray(1, 4).toString()).toBe("PNG");
  expect(bytes.length).toBeGreaterThan(5000);
});

test("an old slug of a story answers with a permanent redirect to its permalink", async ({ request }) => {
  const { stories } = await (await request.get("/api/stories?limit=100")).json();
  const demo = stories.find((s: { outlets: { name: string }[] }) => s.outlets.some((o) => o.name === "The Kyiv Independent"));
  const res = await request.get(`/stories/an-old-title-${demo.id}`, { maxRedirects: 0 });
  expect(res.status()).toBe(308);
  expect(res.headers()["location"]).toMatch(new RegExp(`/stories/${demo.slug}$`));
});

// Link-preview crawlers (Twitterbot, Slackbot) honour robots.txt: story pages and their images must stay
// allowed while the API is not crawled.
test("robots.txt allows story pages and their preview images, not the API", async ({ request }) => {
  const res = await request.get("/robots.txt");
  expect(res.status()).toBe(200);
  const rules = (await res.text()).split("\n").filter((l) => /^disallow:/i.test(l)).map((l) => l.split(":")[1]!.trim());
  expect(rules).toContain("/api/");
  for (const path of ["/stories/x-123", "/stories/x-123/opengraph-image"]) expect(rules.some((r) => path.startsWith(r))).toBe(false);
});

import { expect, test } from "@playwright/test";

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

function article(topic: string) {
  return (
    `Council approves new tram line for ${topic}\n\n` +
    `The city council of ${topic} approved a new tram line on Tuesday, Mayor Elena Brandt said after the vote.\n\n` +
    `The line will connect the central station with the university campus and is expected to open in 2027, the council said in a statement.\n\n` +
    `Opposition councillors criticised the cost of the project, which they put at more than 300 million euros.`
  );
}

test("health answers ok with the database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", database: "ok" });
});

test("POST /api/articles multipart creates, then reports the duplicate", async ({ request }) => {
  const name = `tram-${unique()}.txt`;
  const body = article(`Riverton ${unique()}`);
  const first = await request.post("/api/articles", {
    multipart: { file: { name, mimeType: "text/plain", buffer: Buffer.from(body) }, outlet: "Riverton Post", publishedAt: "2024-03-05T10:00:00Z" },
  });
  expect(first.status()).toBe(201);
  const created = (await first.json()).results[0];
  expect(created).toMatchObject({ filename: name, status: "created" });
  expect(created.article).toMatchObject({ outlet: { name: "Riverton Post" }, publishedAt: "2024-03-05T10:00:00.000Z" });
  expect(created.article.permalink).toMatch(/\/articles\//);
  expect(created.article.story.url).toMatch(/\/stories\//);

  const again = await request.post("/api/articles", { multipart: { file: { name, mimeType: "text/plain", buffer: Buffer.from(body) } } });
  expect(again.status()).toBe(200);
  expect((await again.json()).results[0]).toMatchObject({ status: "duplicate", article: { id: created.article.id } });

  const detail = await request.get(`/api/articles/${created.article.id}`);
  expect(detail.status()).toBe(200);
  const json = await detail.json();
  expect(json.body).toContain("approved a new tram line");
  expect(json.wordCount).toBeGreaterThan(40);
  expect(Array.isArray(json.entities)).toBe(true);
});

// A page saved by Chrome as one file (fixtures/extract/article-rails.mhtml, Chromium's own save) is read as
// its page, named by the page's own site name, and downloads again as the file that was uploaded.
test("POST /api/articles reads an MHTML single-file page", async ({ request }) => {
  const fs = await import("node:fs");
  const bytes = fs.readFileSync("fixtures/extract/article-rails.mhtml");
  const res = await request.post("/api/articles", { multipart: { file: { name: "Harbour bridge.mhtml", mimeType: "multipart/related", buffer: bytes } } });
  expect([200, 201]).toContain(res.status());
  const result = (await res.json()).results[0];
  expect(["created", "duplicate"]).toContain(result.status);
  const detail = await (await request.get(`/api/articles/${result.article.id}`)).json();
  expect(detail.title).toBe("Harbour bridge reopens after two years of repairs");
  expect(detail.sourceFormat).toBe("mhtml");
  expect(detail.body).not.toMatch(/=\r?\n|=3D|MultipartBoundary/);
  const original = await request.get(`/api/articles/${result.article.id}/original`);
  expect(Buffer.from(await original.body()).equals(bytes)).toBe(true);
});

test("POST /api/articles JSON batch: bad records are rejected one by one, good ones stored", async ({ request }) => {
  const res = await request.post("/api/articles", {
    data: { articles: [{ text: article(`Lakeside ${unique()}`), title: "Tram line approved", outlet: "Lakeside News" }, { text: "   " }] },
  });
  expect(res.status()).toBe(201);
  const [good, empty] = (await res.json()).results;
  expect(good).toMatchObject({ status: "created", article: { outlet: { name: "Lakeside News" }, title: "Tram line approved" } });
  expect(empty).toMatchObject({ status: "rejected", error: { code: "INVALID_RECORD" } });
  expect(empty.error.message).toContain("articles[1]");
  const ok = await request.post("/api/articles", { data: { text: article(`Hillford ${unique()}`), outlet: "Hillford Courier" } });
  expect(ok.status()).toBe(201);
  expect((await ok.json()).results[0].status).toBe("created");
});

test("request-level errors: unsupported type 415, malformed 400, an empty file alone 422 with its reason", async ({ request }) => {
  const plain = await request.post("/api/articles", { headers: { "content-type": "text/plain" }, data: "hello" });
  expect(plain.status()).toBe(415);
  expect((await plain.json()).error.code).toBe("UNSUPPORTED_CONTENT_TYPE");
  const bad = await request.post("/api/articles", { headers: { "content-type": "application/json" }, data: "{not json" });
  expect(bad.status()).toBe(400);
  const empty = await request.post("/api/articles", { multipart: { file: { name: "empty.txt", mimeType: "text/plain", buffer: Buffer.from("") } } });
  expect(empty.status()).toBe(422);
  expect((await empty.json()).results[0]).toMatchObject({ status: "rejected", error: { code: "EMPTY_FILE" } });
});

test("stories API lists the demo story and resolves its slug", async ({ request }) => {
  const list = await request.get("/api/stories?limit=100");
  expect(list.status()).toBe(200);
  const { stories } = await list.json();
  const demo = stories.find((s: { outlets: { name: string }[] }) => s.outlets.some((o) => o.name === "The Kyiv Independent"));
  expect(demo).toBeTruthy();
  expect(demo.articleCount).toBe(2);
  const one = await request.get(`/api/stories/${demo.slug}`);
  expect(one.status()).toBe(200);
  const story = await one.json();
  expect(story.articles).toHaveLength(2);
  expect(story.comparison.claims.length).toBeGreaterThan(0);
  expect((await request.get("/api/stories/no-such-story-zzzzzzzzzz")).status()).toBe(404);
  expect((await request.get("/api/stories?limit=0")).status()).toBe(400);
});

test("markup from an uploaded page never reaches our pages, and the original downloads as an attachment", async ({ request }) => {
  const html = `<!doctype html><html lang="en"><head><title>Storm closes port ${unique()}</title><script>window.__owned = 1</script>
    <style>body{display:none}</style></head><body><article><h1>Storm closes port</h1>
    <p onclick="alert(1)">A storm closed the port of Ravenna on Monday, the harbour authority said, stranding twelve cargo ships at anchor outside the breakwater.</p>
    <iframe src="https://example.invalid/x"></iframe>
    <p>Port officials said operations would resume once the wind dropped below forty knots, probably on Wednesday morning.</p>
    <p><img src=x onerror="alert(2)">Ship agents said the delay would cost operators several hundred thousand euros a day.</p></article></body></html>`;
  const res = await request.post("/api/articles", { multipart: { file: { name: "storm.html", mimeType: "text/html", buffer: Buffer.from(html) } } });
  expect(res.status()).toBe(201);
  const { article } = (await res.json()).results[0];
  const page = await (await request.get(`/articles/${article.id}`)).text();
  expect(page).toContain("A storm closed the port of Ravenna");
  expect(page).not.toContain("window.__owned");
  expect(page).not.toContain("alert(");
  expect(page).not.toContain("example.invalid");
  const original = await request.get(`/api/articles/${article.id}/original`);
  expect(original.headers()["content-disposition"]).toMatch(/^attachment/);
  expect(original.headers()["content-type"]).toBe("application/octet-stream");
  expect(await original.text()).toBe(html);
});

import { expect, test } from "@playwright/test";

test("GET /api/search finds the demo story, its people and its outlets", async ({ request }) => {
  const res = await request.get("/api/search?q=Putin%20workers");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.words).toEqual(["Putin", "workers"]);
  expect(body.stories.map((s: { title: string }) => s.title)).toContain(
    "National Resistance Center: Russia plans to bring North Korean workers to occupied Ukraine",
  );
  expect(body.stories[0].url).toMatch(/\/stories\/[a-z0-9-]+$/);
  const people = await (await request.get("/api/search?q=putin")).json();
  expect(people.entities[0]).toMatchObject({ name: "Vladimir Putin", type: "PERSON", slug: "person-vladimir-putin" });
  const outlets = await (await request.get("/api/search?q=Republic")).json();
  expect(outlets.outlets.map((o: { name: string }) => o.name)).toContain("Republic World");
});

test("GET /api/search refuses a missing, blank, wordless or overlong q with 400 and a message", async ({ request }) => {
  for (const [qs, message] of [
    ["", /Give the words to search for/],
    ["?q=%20%20", /at least one character/],
    ["?q=%21%21%21", /no letters or digits/],
    [`?q=${"x".repeat(201)}`, /at most 200 characters/],
  ] as const) {
    const res = await request.get(`/api/search${qs}`);
    expect(res.status(), qs).toBe(400);
    expect((await res.json()).error.message).toMatch(message);
  }
});

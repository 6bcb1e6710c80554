// The story page's error state when the database is down: a real 503 and the shared error panel with a
// retry link, never a stack trace. Runs the page's own getServerSideProps with a real Node request and
// response against a closed port, then renders the page to HTML as the server does.
import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import StoryRoute, { getServerSideProps } from "@/pages/stories/[slug]";
import { disconnectDb } from "@/lib/db/client";

const saved = { url: process.env.DATABASE_URL, log: process.env.LOG_LEVEL };
beforeAll(() => {
  process.env.DATABASE_URL = "postgresql://nobody:x@127.0.0.1:1/none";
  process.env.LOG_LEVEL = "silent";
});
afterAll(async () => {
  await disconnectDb();
  process.env.DATABASE_URL = saved.url;
  process.env.LOG_LEVEL = saved.log;
});

describe("the story page when the database is unreachable", () => {
  it("answers 503 with the error panel and a retry link to the same address", async () => {
    const req = new IncomingMessage(new Socket());
    req.headers.host = "localhost:3000";
    const res = new ServerResponse(req);
    const resolvedUrl = "/stories/some-story-abcdefgh12?claim=abcd1234";
    const result = await getServerSideProps({ params: { slug: "some-story-abcdefgh12" }, query: { claim: "abcd1234" }, req, res, resolvedUrl } as never);
    expect(res.statusCode).toBe(503);
    expect("props" in result).toBe(true);
    const props = await (result as { props: Parameters<typeof StoryRoute>[0] | Promise<Parameters<typeof StoryRoute>[0]> }).props;
    expect(props).toMatchObject({ state: "error", retry: resolvedUrl });
    const html = renderToStaticMarkup(createElement(StoryRoute, props));
    expect(html).toContain('role="alert"');
    expect(html).toContain("This page could not be loaded");
    expect(html).toMatch(/Reference: [0-9a-f]{8}/);
    expect(html).toContain(`href="${resolvedUrl.replace("&", "&amp;")}"`);
    expect(html).not.toMatch(/ECONNREFUSED|at .*\.ts:\d+/);
  });
});

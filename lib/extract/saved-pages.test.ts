import { describe, expect, it } from "vitest";
import { savedPageResources } from "./saved-pages";

describe("savedPageResources", () => {
  it("finds the files in a saved page's resource folder, at any depth, and nothing else", () => {
    const paths = [
      "clips/Bridge reopens.html",
      "clips/Bridge reopens_files/ad-frame.html",
      "clips/Bridge reopens_files/app.js",
      "clips/Bridge reopens_files/player/embed.htm",
      "clips/Ferry service cut.htm",
      "clips/Ferry service cut_files/style.css",
      "clips/notes.txt",
      // A folder named like a resource folder, with no page beside it, is the user's own.
      "clips/Meeting_files/minutes.html",
      "Top story.html",
      "Top story_files/logo.png",
    ];
    expect([...savedPageResources(paths)].sort()).toEqual([
      "Top story_files/logo.png",
      "clips/Bridge reopens_files/ad-frame.html",
      "clips/Bridge reopens_files/app.js",
      "clips/Bridge reopens_files/player/embed.htm",
      "clips/Ferry service cut_files/style.css",
    ]);
  });

  it("reads Windows separators and returns the paths as given", () => {
    expect([...savedPageResources(["a\\Page.html", "a\\Page_files\\frame.html", "a\\Other.html"])]).toEqual(["a\\Page_files\\frame.html"]);
  });
});

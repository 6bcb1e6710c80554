import { describe, expect, it } from "vitest";
import { outletName } from "./resolve-outlet";

describe("outletName", () => {
  // Each from a page of the extraction benchmark (fixtures/extraction-benchmark), whose og:site_name it is.
  it("names an outlet by its domain when the page's site name is its address, a handle or the domain's slug", () => {
    expect(outletName("https://www.hawaiinewsnow.com", "hawaiinewsnow.com")).toBe("hawaiinewsnow.com");
    expect(outletName("@politifact", "politifact.com")).toBe("politifact.com");
    expect(outletName("nj", "nj.com")).toBe("nj.com");
    expect(outletName("usatoday", "usatoday.com")).toBe("usatoday.com");
  });

  it("drops a tagline, and names a section by the domain", () => {
    expect(outletName("The Jerusalem Post | JPost.com", "jpost.com")).toBe("The Jerusalem Post");
    expect(outletName("LinkNaija | Nigeria's popular news platform", "linknaija.com")).toBe("LinkNaija");
    expect(outletName("Remember 80/90 - Memorabilia anni 80/90", "remember8090.com")).toBe("Remember 80/90");
    expect(outletName("U.S.", "reuters.com")).toBe("reuters.com");
    expect(outletName("NBC 5 Dallas-Fort Worth", "nbcdfw.com")).toBe("NBC 5 Dallas-Fort Worth");
    expect(outletName("Express.co.uk", "express.co.uk")).toBe("Express.co.uk");
  });

  // From the extraction benchmark: hosted.ap.org serves AP's stories for member papers under og:site_name
  // "Hosted", and the story cards named the outlet "Hosted".
  it("names an outlet by its registered domain when the site name is a subdomain's word", () => {
    expect(outletName("Hosted", "hosted.ap.org")).toBe("ap.org");
    expect(outletName("Blog", "blog.example.co.uk")).toBe("example.co.uk");
    expect(outletName("News", "news.example.com")).toBe("example.com");
    expect(outletName("Example News", "news.example.com")).toBe("Example News");
  });

  it("keeps a site name a reader knows", () => {
    expect(outletName("The Kyiv Independent", "kyivindependent.com")).toBe("The Kyiv Independent");
    expect(outletName("TechCrunch", "techcrunch.com")).toBe("TechCrunch");
    expect(outletName("Forbes", "forbes.com")).toBe("Forbes");
    expect(outletName("BBC News", "bbc.co.uk")).toBe("BBC News");
    expect(outletName(null, "bbc.co.uk")).toBe("bbc.co.uk");
  });

  it("without a domain keeps the name, or the host of an address", () => {
    expect(outletName("nj", null)).toBe("nj");
    expect(outletName("https://www.hawaiinewsnow.com", null)).toBe("hawaiinewsnow.com");
    expect(outletName("  ", null)).toBe(null);
  });
});

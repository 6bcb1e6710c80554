import { describe, expect, it } from "vitest";
import { findDate, parseBylineLine, parseDate } from "./metadata";

describe("findDate", () => {
  it("reads a printed calendar date as that day in UTC", () => {
    expect(findDate("September 18, 2023")?.date.toISOString()).toBe("2023-09-18T00:00:00.000Z");
    expect(findDate("Published 5 March 2024, 14:20")?.date.toISOString()).toBe("2024-03-05T14:20:00.000Z");
    expect(findDate("03/12/23")?.date.getUTCFullYear()).toBe(2023);
  });

  // A saved page has no trustworthy "now": these used to resolve against the year-2000 reference
  // instant and gave stories dates decades off, which split them in time.
  it.each(["today", "Yesterday at 3:27 PM", "1 year, 160 days ago", "2 days ago", "last Monday", "tomorrow"])(
    "refuses the relative date %j",
    (line) => {
      expect(findDate(line)).toBeNull();
      expect(parseDate(line)?.date ?? null).toBeNull();
    },
  );

  it("skips a relative date and takes the printed one after it", () => {
    const hit = findDate("Updated 2 days ago | first published 12 October 2023");
    expect(hit?.date.toISOString()).toBe("2023-10-12T00:00:00.000Z");
    expect(hit?.text).toBe("12 October 2023");
  });

  it("reads a template's unset date as no date", () => {
    for (const raw of ["0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "1900-01-01", "0000-00-00"]) expect(parseDate(raw)?.date ?? null, raw).toBeNull();
    expect(parseDate("1969-07-20T20:17:00Z")?.date?.getUTCFullYear()).toBe(1969);
  });

  it("needs the year: a day and month alone are not a date", () => {
    expect(findDate("Monday, 5 March")).toBeNull();
  });
});

describe("parseBylineLine", () => {
  it("keeps the byline when the date beside it is relative", () => {
    const hit = parseBylineLine("By Rachel Amran | 3 hours ago");
    expect(hit?.byline).toBe("Rachel Amran");
    expect(hit?.date).toBeNull();
  });
});

describe("findDate: a month printed with a dot", () => {
  it('reads "May. 3, 2013" as May 3 and returns the line\'s own text', () => {
    const hit = findDate("Fri., May. 3, 2013 11:45 AM PDT");
    expect(hit?.date?.toISOString()).toBe("2013-05-03T18:45:00.000Z");
    expect(hit?.text).toContain("May. 3, 2013");
  });
});

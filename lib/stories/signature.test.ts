import { describe, expect, it } from "vitest";
import { emptySignature, mergeEntityKey } from "./signature";

describe("mergeEntityKey", () => {
  const sig = { ...emptySignature(), articleCount: 3, entities: { "person:a": 1.5, "person:b": 0.5, "place:x": 2 } };

  it("adds the merged-away key's weight to the target and drops it", () => {
    const out = mergeEntityKey(sig, "person:b", "person:a");
    expect(out.entities).toEqual({ "person:a": 2, "place:x": 2 });
    expect(out.articleCount).toBe(3);
    expect(sig.entities).toEqual({ "person:a": 1.5, "person:b": 0.5, "place:x": 2 });
  });

  it("renames the key when the story never named the target", () => {
    expect(mergeEntityKey(sig, "person:b", "person:c").entities).toEqual({ "person:a": 1.5, "place:x": 2, "person:c": 0.5 });
  });

  it("leaves a signature without the key as it is", () => {
    expect(mergeEntityKey(sig, "person:z", "person:a")).toBe(sig);
  });
});

import { describe, expect, it } from "vitest";
import { cutText } from "./cut-text";

describe("cutText", () => {
  it("keeps short text as it is", () => expect(cutText("hello", 5)).toBe("hello"));

  it("cuts long text to the limit, marked with an ellipsis", () => {
    const cut = cutText("x".repeat(5000), 2000);
    expect(cut).toHaveLength(2000);
    expect(cut.endsWith("…")).toBe(true);
  });

  it("never leaves half a surrogate pair", () => {
    const cut = cutText("ab😀cd", 4);
    expect(cut).toBe("ab…");
    expect(() => encodeURIComponent(cut)).not.toThrow();
  });
});

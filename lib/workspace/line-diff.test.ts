import { describe, expect, it } from "vitest";
import { lineDiff } from "./line-diff";

const render = (a: string, b: string) => lineDiff(a, b).map((l) => `${{ same: " ", add: "+", del: "-" }[l.op]}${l.text}`);

describe("lineDiff", () => {
  it("marks nothing when the sources are equal", () => {
    expect(render("a\nb", "a\nb")).toEqual([" a", " b"]);
  });

  it("shows an inserted block between unchanged lines", () => {
    expect(render("for\n  apply\nend", "for\n  lock\n  apply\n  unlock\nend")).toEqual([" for", "+  lock", "   apply", "+  unlock", " end"]);
  });

  it("shows a replaced line as a deletion and an addition", () => {
    expect(render("a\nb\nc", "a\nB\nc")).toEqual([" a", "-b", "+B", " c"]);
  });

  it("handles empty sides", () => {
    expect(render("", "x")).toEqual(["-", "+x"]);
    expect(render("x\ny", "")).toEqual(["-x", "-y", "+"]);
  });

  it("keeps every line of both sides, in order, with a longest common subsequence", () => {
    const a = "1\n2\n3\n4\n5\n6".split("\n");
    const b = "2\n3\nx\n5\n6\n7".split("\n");
    const diff = lineDiff(a.join("\n"), b.join("\n"));
    expect(diff.filter((l) => l.op !== "add").map((l) => l.text)).toEqual(a);
    expect(diff.filter((l) => l.op !== "del").map((l) => l.text)).toEqual(b);
    expect(diff.filter((l) => l.op === "same").length).toBe(4);
  });
});

import { describe, expect, it } from "vitest";
import { highlightSource } from "./highlight-source";

describe("highlightSource", () => {
  it("keeps every character, one entry per line", () => {
    const source = "const a = 1;\n// note\nexport async function main() {\n  return `x\ny`;\n}\n";
    const lines = highlightSource(source);
    expect(lines.map((l) => l.map((t) => t.text).join("")).join("\n")).toBe(source);
    expect(lines).toHaveLength(source.split("\n").length);
  });
  it("classes keywords, strings, comments and numbers", () => {
    const [line] = highlightSource('const s = "a // b"; // c 42');
    expect(line.filter((t) => t.kind !== "plain").map((t) => [t.kind, t.text])).toEqual([
      ["keyword", "const"],
      ["string", '"a // b"'],
      ["comment", "// c 42"],
    ]);
    expect(highlightSource("x = 0x1f + 2.5e3")[0].filter((t) => t.kind === "number").map((t) => t.text)).toEqual(["0x1f", "2.5e3"]);
  });
  it("survives unterminated strings and comments", () => {
    const lines = highlightSource('let a = "open\n/* never closed\nstill');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toEqual([{ text: "still", kind: "comment" }]);
  });
});

import { describe, expect, it } from "vitest";
import { parseCsv } from "../courses/parse-csv";
import { formatCsv } from "./format-csv";
import { scoreHistogram } from "./score-histogram";

describe("formatCsv", () => {
  it("quotes commas, quotes and line breaks, ends lines in CRLF, starts with a BOM", () => {
    const csv = formatCsv([["Name", "Score"], ['Kim, "Minjun"', 90.5], ["Line\nbreak", null], ["이서연", 0]]);
    expect(csv).toBe('\uFEFFName,Score\r\n"Kim, ""Minjun""",90.5\r\n"Line\nbreak",\r\n이서연,0\r\n');
    expect(parseCsv(csv)).toEqual([["Name", "Score"], ['Kim, "Minjun"', "90.5"], ["Line\nbreak", ""], ["이서연", "0"]]);
  });
  it("neutralises spreadsheet formulas in text cells", () => {
    expect(formatCsv([["=HYPERLINK(\"x\")", "+1", "-2", "@a", 5]])).toBe("\uFEFF\"'=HYPERLINK(\"\"x\"\")\",'+1,'-2,'@a,5\r\n");
  });
});

describe("scoreHistogram", () => {
  it("puts 100 % in the top band and clamps out-of-range scores", () => {
    const h = scoreHistogram([0, 5, 50, 99.9, 100, 130, -1], 100);
    expect(h.map((b) => b.count)).toEqual([3, 0, 0, 0, 0, 1, 0, 0, 0, 3]);
    expect(h[0].band).toBe("0–10%");
  });
});

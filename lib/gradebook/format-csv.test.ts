import { describe, expect, it } from "vitest";
import { parseCsv } from "../courses/parse-csv";
import { formatCsv } from "./format-csv";
import { scoreHistogram } from "./score-histogram";
import { traceRows } from "./trace-rows";

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

describe("traceRows", () => {
  it("keeps described events of user processes, by step and pid", () => {
    const table = traceRows({
      events: [
        { step: 0, pid: 0, kind: "start" },
        { step: 1, pid: 1, kind: "shm-read", index: 0, value: 100 },
        { step: 2, pid: 2, kind: "shm-write", index: 0, value: 150 },
        { step: 3, pid: 1, kind: "preempt", from: 1, to: 2 },
      ],
      processes: [{ pid: 1, name: "teller" }],
    });
    expect(table.pids).toEqual([{ pid: 1, name: "teller" }, { pid: 2, name: "" }]);
    expect(table.rows).toEqual([
      { step: 1, pid: 1, text: "load [0] → 100" },
      { step: 2, pid: 2, text: "store [0] ← 150" },
    ]);
    expect(traceRows("nonsense")).toEqual({ pids: [], rows: [], truncated: false });
  });
});

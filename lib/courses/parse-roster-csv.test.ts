import { describe, expect, it } from "vitest";
import { parseCsv } from "./parse-csv";
import { parseRosterCsv } from "./parse-roster-csv";

describe("parseCsv", () => {
  it("reads quoted fields, doubled quotes, CRLF, a BOM and skips blank lines", () => {
    expect(parseCsv('\uFEFFa,"b, c","say ""hi"""\r\n\r\n"multi\nline",x,\n')).toEqual([
      ["a", "b, c", 'say "hi"'],
      ["multi\nline", "x", ""],
    ]);
  });
  it("refuses an unterminated quote", () => {
    expect(() => parseCsv('a,"b\n')).toThrow(/unterminated/);
  });
});

describe("parseRosterCsv", () => {
  it("maps columns by header in any order, lower-cases emails, and reports per-row errors with their line", () => {
    const { rows, error } = parseRosterCsv("학번,이름,Email\n2026-1,김민준,Kim@Example.com\n,,bad\n2026-1,Twin,kim@example.com\n");
    expect(error).toBeNull();
    expect(rows[0]).toEqual({ line: 2, email: "kim@example.com", name: "김민준", studentId: "2026-1", errors: [] });
    expect(rows[1].errors).toEqual(['"bad" is not a valid email address.', "The name is missing."]);
    expect(rows[2].errors).toEqual(["Duplicate of line 2 (same email).", "Duplicate of line 2 (same student id)."]);
  });
  it("accepts a file without a header (email, name, student id)", () => {
    const { rows } = parseRosterCsv("a@example.com,Alex\nb@example.com,Bo,S2");
    expect(rows.map((r) => [r.line, r.email, r.studentId])).toEqual([
      [1, "a@example.com", null],
      [2, "b@example.com", "S2"],
    ]);
  });
  it("says what is wrong with the file as a whole", () => {
    expect(parseRosterCsv("").error).toMatch(/empty/);
    expect(parseRosterCsv('email,name\n"x').error).toMatch(/unterminated/);
    expect(parseRosterCsv("email,studentid\na@b.c,1").error).toMatch(/no name column/);
  });
});

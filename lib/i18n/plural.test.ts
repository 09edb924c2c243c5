import { describe, expect, it } from "vitest";
import { plural } from "./plural";

const students = { ko: { other: "학생 #명" }, en: { one: "# student", other: "# students" } };

describe("plural", () => {
  it("uses the English singular for exactly one and the plural otherwise", () => {
    expect(plural("en", 1, students)).toBe("1 student");
    expect(plural("en", 0, students)).toBe("0 students");
    expect(plural("en", 2, students)).toBe("2 students");
  });
  it("has one Korean form, and formats the number for the language", () => {
    expect(plural("ko", 1, students)).toBe("학생 1명");
    expect(plural("ko", 1200, students)).toBe("학생 1,200명");
    expect(plural("en", 1200, students)).toBe("1,200 students");
  });
  it("falls back to other when a category has no form", () => {
    expect(plural("en", 1, { ko: { other: "#개" }, en: { other: "# items" } })).toBe("1 items");
  });
});

import { describe, expect, it } from "vitest";
import { escapeLike, foldAsciiCase, hasLikeWildcard } from "./contains-text";
import { studentMatches } from "../gradebook/students-of-course";

describe("LIKE escaping", () => {
  it("puts a backslash before each wildcard and before the backslash itself", () => {
    expect(escapeLike("50%_off")).toBe("50\\%\\_off");
    expect(escapeLike("a\\b")).toBe("a\\\\b");
    expect(escapeLike("trailing\\")).toBe("trailing\\\\");
    expect(escapeLike("plain text")).toBe("plain text");
    expect(escapeLike("%%__")).toBe("\\%\\%\\_\\_");
  });

  it("an escaped pattern, read with LIKE's rules, matches only the literal text", () => {
    // A small LIKE interpreter with PostgreSQL's default escape character, to check the escaping itself.
    const like = (value: string, pattern: string) => {
      let re = "";
      for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === "\\") re += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        else if (c === "%") re += "[\\s\\S]*";
        else if (c === "_") re += "[\\s\\S]";
        else re += c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      }
      return new RegExp(`^${re}$`).test(value);
    };
    const values = ["a_b", "axb", "100%", "1000", "back\\slash", "backslash"];
    for (const q of ["_", "a_b", "%", "100%", "\\", "k\\s"]) {
      const matched = values.filter((v) => like(v, `%${escapeLike(q)}%`));
      expect(matched, q).toEqual(values.filter((v) => v.includes(q)));
      // Unescaped, the same query would have matched more (that was the bug).
      if (q !== "\\" && q !== "k\\s") expect(values.filter((v) => like(v, `%${q}%`)).length).toBeGreaterThan(matched.length);
    }
  });

  it("knows which queries need SQLite's literal narrowing", () => {
    expect(hasLikeWildcard("a_b")).toBe(true);
    expect(hasLikeWildcard("50%")).toBe(true);
    expect(hasLikeWildcard("kim")).toBe(false);
  });

  it("narrows to literal, ASCII-case-insensitive matches on name, email or student id", () => {
    const student = { id: "1", name: "Kim_Lee", email: "KL@example.com", studentId: "2024%01" };
    expect(foldAsciiCase("ÀBc")).toBe("Àbc");
    expect(studentMatches(student, "m_l")).toBe(true);
    expect(studentMatches(student, "kim_")).toBe(true);
    expect(studentMatches(student, "4%0")).toBe(true);
    expect(studentMatches(student, "kimxlee")).toBe(false);
    expect(studentMatches({ ...student, name: "KimXLee" }, "m_l")).toBe(false);
    expect(studentMatches({ ...student, studentId: null }, "%")).toBe(false);
  });
});

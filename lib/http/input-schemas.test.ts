import { describe, expect, it } from "vitest";
import { z } from "zod";
import { instant, isWellFormedText, MAX_INSTANT, MIN_INSTANT, recordId, text } from "./input-schemas";
import { createAssignmentBody } from "@/app/api/courses/[courseId]/assignments/schema";
import { grantExtensionBody } from "@/app/api/courses/[courseId]/assignments/[assignmentId]/extensions/schema";
import { signUpBody } from "@/app/api/signup/schema";

const LONE_HIGH = "\ud800";
const LONE_LOW = "\udc00";

describe("text()", () => {
  it("refuses a lone surrogate anywhere in the string, high or low", () => {
    for (const s of [LONE_HIGH, `a${LONE_HIGH}`, `${LONE_LOW}b`, `x${LONE_LOW}${LONE_HIGH}y`, `😀${LONE_HIGH}`]) {
      expect(text().safeParse(s).success, JSON.stringify(s)).toBe(false);
      expect(isWellFormedText(s)).toBe(false);
    }
  });

  it("refuses NUL, which PostgreSQL's text columns can't hold", () => {
    expect(text().safeParse("a\u0000b").success).toBe(false);
  });

  it("accepts paired surrogates (emoji), other scripts, control characters and the empty string", () => {
    for (const s of ["", "😀", "학생 이름", "Ünïcødé", "tab\tnew\nline\u0001"]) expect(text().parse(s)).toBe(s);
  });

  it("keeps the usual string checks and transforms chainable", () => {
    const schema = text().trim().min(2).max(4);
    expect(schema.parse("  ab ")).toBe("ab");
    expect(schema.safeParse(" a ").success).toBe(false);
    expect(recordId().safeParse("").success).toBe(false);
    expect(recordId().safeParse("x".repeat(65)).success).toBe(false);
    expect(recordId().parse("cmx7r1ip40000dv7dz6lpop1e")).toBe("cmx7r1ip40000dv7dz6lpop1e");
  });
});

describe("instant()", () => {
  const schema = instant("dueAt");

  it("reads what the browser sends (toISOString), zoned date-times and dates", () => {
    expect(schema.parse("2030-01-31T23:59:00.000Z").toISOString()).toBe("2030-01-31T23:59:00.000Z");
    expect(schema.parse("2030-01-31T23:59+09:00").toISOString()).toBe("2030-01-31T14:59:00.000Z");
    expect(schema.parse("2030-01-31").toISOString()).toBe("2030-01-31T00:00:00.000Z");
    expect(schema.parse(Date.UTC(2030, 0, 1)).toISOString()).toBe("2030-01-01T00:00:00.000Z");
    expect(schema.parse(new Date(0)).getTime()).toBe(0);
  });

  it("refuses the years no database column holds, as strings and as numbers", () => {
    for (const value of ["+275760-09-13T00:00:00.000Z", "+275760-09-13", "-000001-01-01", "-000001-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "1899-12-31T23:59:59.999Z", 8.64e15, -8.64e15, MAX_INSTANT + 1, MIN_INSTANT - 1]) {
      const result = schema.safeParse(value);
      expect(result.success, String(value)).toBe(false);
      expect(result.error?.issues[0].message).toMatch(/dueAt must be a date/);
    }
  });

  it("never turns null, booleans, empty or zone-less input into a date", () => {
    for (const value of [null, undefined, true, false, "", "   ", "now", "2030-01-31T10:00", "2030-01-31 10:00Z", NaN, Infinity, {}, [], "2030-13-45T00:00:00Z"]) {
      expect(schema.safeParse(value).success, JSON.stringify(value)).toBe(false);
    }
  });

  it("null means 'none' only where the schema says nullable", () => {
    expect(instant("lateUntil").nullable().parse(null)).toBeNull();
    expect(z.strictObject({ at: instant("at").nullable().default(null) }).parse({})).toEqual({ at: null });
  });
});

describe("route schemas use them", () => {
  const assignment = { kind: "EXERCISE", content: "race-condition", title: "A", opensAt: "2030-01-01T00:00:00.000Z", dueAt: "2030-01-08T00:00:00.000Z" };

  it("an assignment's opensAt may not be null (it used to become 1970) nor out of range", () => {
    expect(createAssignmentBody.safeParse(assignment).success).toBe(true);
    expect(createAssignmentBody.safeParse({ ...assignment, opensAt: null }).success).toBe(false);
    expect(createAssignmentBody.safeParse({ ...assignment, dueAt: "+275760-09-13T00:00:00.000Z" }).success).toBe(false);
    expect(createAssignmentBody.safeParse({ ...assignment, title: `A${LONE_HIGH}` }).success).toBe(false);
    expect(createAssignmentBody.parse({ ...assignment, lateUntil: null }).lateUntil).toBeNull();
  });

  it("an extension's dates are checked the same way", () => {
    expect(grantExtensionBody.safeParse({ userId: "u1", dueAt: 8.64e15 }).success).toBe(false);
    expect(grantExtensionBody.safeParse({ userId: "u1", dueAt: "-000001-01-01" }).success).toBe(false);
    expect(grantExtensionBody.parse({ userId: "u1", dueAt: "2030-01-01T00:00:00Z" }).lateUntil).toBeNull();
  });

  it("anonymous sign-up refuses a lone surrogate in every field", () => {
    const body = { name: "Kim", email: "kim@example.com", password: "a-long-passphrase-42", joinCode: "IPC-DEMO" };
    expect(signUpBody.safeParse(body).success).toBe(true);
    for (const key of Object.keys(body) as Array<keyof typeof body>) {
      expect(signUpBody.safeParse({ ...body, [key]: body[key] + LONE_HIGH }).success, key).toBe(false);
    }
  });
});

import { describe, expect, it } from "vitest";
import { generateJoinCode } from "./generate-join-code";

describe("generateJoinCode", () => {
  it("makes unambiguous, distinct codes", () => {
    const codes = new Set(Array.from({ length: 500 }, generateJoinCode));
    expect(codes.size).toBe(500);
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
  });
});

import { describe, expect, it } from "vitest";
import { hashPassword, PASSWORD_MAX_BYTES, passwordSchema, verifyPassword } from "./password";
import { passwordProblem } from "./password-strength";

describe("passwords", () => {
  it("refuses a password longer than bcrypt's 72 bytes, counted in UTF-8 bytes, not characters", () => {
    expect(passwordSchema.safeParse("a".repeat(PASSWORD_MAX_BYTES)).success).toBe(true);
    const tooLong = passwordSchema.safeParse("a".repeat(PASSWORD_MAX_BYTES + 1));
    expect(tooLong.error?.issues.map((i) => i.message).join(" ")).toMatch(/at most 72 bytes/);
    // 25 Korean syllables: 25 characters, 75 bytes.
    const korean = "가".repeat(25);
    expect(korean.length).toBeLessThan(PASSWORD_MAX_BYTES);
    expect(passwordSchema.safeParse(korean).success).toBe(false);
  });

  it("bcrypt alone would treat two passwords sharing their first 72 bytes as one (why the limit exists)", async () => {
    const prefix = "x".repeat(72);
    expect(await verifyPassword(prefix + "different-tail", await hashPassword(prefix + "original-tail"))).toBe(true);
  });

  it.each([
    ["Password123", "commonly used"],
    ["qwertyuiop12", ""],
    ["minsu.kim-2026", "personal"],
    ["Minsu Kim 2026", ""],
  ])("judges %s too weak for minsu.kim@example.com", (password, hint) => {
    const problem = passwordProblem(password, { email: "minsu.kim@example.com", name: "Minsu Kim" });
    expect(problem).toMatch(/too easy to guess/);
    expect(problem).toContain(hint);
  });

  it("accepts a password zxcvbn scores 3 or more", () => {
    expect(passwordProblem("tangerine-orbit-kettle-91", { email: "minsu.kim@example.com", name: "Minsu Kim" })).toBeNull();
  });

  it("hashes with a salt and verifies only the right password", async () => {
    const [a, b] = await Promise.all([hashPassword("correct-horse-42"), hashPassword("correct-horse-42")]);
    expect(a).not.toBe(b);
    expect(a).not.toContain("correct-horse-42");
    expect(await verifyPassword("correct-horse-42", a)).toBe(true);
    expect(await verifyPassword("correct-horse-43", a)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { hashPassword, passwordSchema, verifyPassword } from "./password";

describe("passwords", () => {
  it.each([
    ["short1", "at least 10"],
    ["onlyletterslong", "letters and digits"],
    ["12345678901", "letters and digits"],
    ["Password123", "too common"],
  ])("rejects %s (%s)", (password, message) => {
    const result = passwordSchema.safeParse(password);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join(" ")).toContain(message);
  });

  it("hashes with a salt and verifies only the right password", async () => {
    const [a, b] = await Promise.all([hashPassword("correct-horse-42"), hashPassword("correct-horse-42")]);
    expect(a).not.toBe(b);
    expect(a).not.toContain("correct-horse-42");
    expect(await verifyPassword("correct-horse-42", a)).toBe(true);
    expect(await verifyPassword("correct-horse-43", a)).toBe(false);
  });
});

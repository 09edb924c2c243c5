import { describe, expect, it } from "vitest";
import { createAuthLogger } from "./auth-logger";

function setup() {
  const lines: string[] = [];
  const others: unknown[][] = [];
  let time = 0;
  const logger = createAuthLogger({ log: (l) => lines.push(l), fallback: (...args: unknown[]) => others.push(args), now: () => time });
  return { lines, others, logger, advance: (ms: number) => (time += ms) };
}

// What next-auth passes for a cookie that isn't a JWE (its error with a stack).
const malformed = () => Object.assign(new Error("Invalid Compact JWE"), { stack: "Error: Invalid Compact JWE\n    at compactDecrypt (jose)\n    at jwtDecrypt" });

describe("auth logger", () => {
  it("logs a malformed session cookie once, on one line without a stack, however many requests carry it", () => {
    const { lines, logger } = setup();
    for (let i = 0; i < 50; i++) logger.error("JWT_SESSION_ERROR", malformed());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("Invalid Compact JWE");
    expect(lines[0]).not.toContain("\n");
    expect(lines[0]).not.toContain("compactDecrypt");
  });

  it("reports again after an hour, with how many it kept quiet", () => {
    const { lines, logger, advance } = setup();
    logger.error("JWT_SESSION_ERROR", malformed());
    for (let i = 0; i < 7; i++) logger.error("JWT_SESSION_ERROR", malformed());
    advance(60 * 60 * 1000);
    logger.error("JWT_SESSION_ERROR", malformed());
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("7 more");
  });

  it("a different failure is its own first report; other errors are logged in full as before", () => {
    const { lines, others, logger } = setup();
    logger.error("JWT_SESSION_ERROR", malformed());
    logger.error("JWT_SESSION_ERROR", { error: new Error("decryption operation failed"), message: "decryption operation failed" });
    logger.error("OAUTH_CALLBACK_ERROR", { error: new Error("state mismatch") });
    expect(lines).toHaveLength(2);
    expect(others).toHaveLength(1);
    expect(String(others[0][0])).toContain("OAUTH_CALLBACK_ERROR");
  });
});

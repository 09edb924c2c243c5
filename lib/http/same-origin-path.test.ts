import { describe, expect, it } from "vitest";
import { sameOriginPath } from "./same-origin-path";

const origin = "http://localhost:3000";

describe("sameOriginPath", () => {
  it.each([
    ["/\\evil.example", "/home"],
    ["/\t/evil.example", "/home"],
    ["/\\/evil.example/x", "/home"],
    ["//evil.example", "/home"],
    ["https://evil.example/home", "/home"],
    ["http://localhost:3001/home", "/home"],
    ["javascript:alert(1)", "/home"],
    ["", "/home"],
    [undefined, "/home"],
  ])("refuses %j", (target, expected) => {
    expect(sameOriginPath(target, origin)).toBe(expected);
  });

  it.each([
    ["/courses/abc?tab=grades#top", "/courses/abc?tab=grades#top"],
    ["courses/abc", "/courses/abc"],
    ["http://localhost:3000/instructor", "/instructor"],
    // Same origin, but a path that starts with two slashes would be protocol-relative later.
    ["http://localhost:3000//evil.example/x", "/evil.example/x"],
  ])("keeps %j as %j", (target, expected) => {
    expect(sameOriginPath(target, origin)).toBe(expected);
    // What the browser will do with the result: it stays here.
    expect(new URL(sameOriginPath(target, origin), origin).origin).toBe(origin);
  });
});

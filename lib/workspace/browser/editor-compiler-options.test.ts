import { describe, expect, it } from "vitest";
import { COMPILER_OPTIONS } from "../../grader/compile/compile-typescript";
import { EDITOR_COMPILER_OPTIONS } from "./editor-compiler-options";

describe("the editor's TypeScript settings", () => {
  it("match the grader's, so the editor shows the grader's diagnostics", () => {
    for (const [key, value] of Object.entries(EDITOR_COMPILER_OPTIONS)) expect([key, COMPILER_OPTIONS[key]]).toEqual([key, value]);
  });
});

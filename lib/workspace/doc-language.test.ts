import { describe, expect, it } from "vitest";
import { docInLanguage } from "./doc-language";

describe("docInLanguage", () => {
  it("keeps the UI language of a one-line bilingual comment", () => {
    expect(docInLanguage("내 pid. / The caller's pid.", "en")).toBe("The caller's pid.");
    expect(docInLanguage("내 pid. / The caller's pid.", "ko")).toBe("내 pid.");
  });

  it("keeps the UI language's lines of a two-line comment", () => {
    const doc = "특정 자식(-1이면 아무 자식)을 기다립니다.\nWaits for child `pid` (-1: any).";
    expect(docInLanguage(doc, "en")).toBe("Waits for child `pid` (-1: any).");
    expect(docInLanguage(doc, "ko")).toBe("특정 자식(-1이면 아무 자식)을 기다립니다.");
  });

  it("shows a single-language text whole", () => {
    expect(docInLanguage("Only English here.", "ko")).toBe("Only English here.");
  });
});

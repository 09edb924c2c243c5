import { describe, expect, it } from "vitest";
import { inLanguage } from "./in-language";

describe("inLanguage", () => {
  it("picks every text of a table in one language", () => {
    const table = { save: { ko: "저장", en: "Save" }, close: { ko: "닫기", en: "Close" } };
    expect(inLanguage(table, "ko")).toEqual({ save: "저장", close: "닫기" });
    expect(inLanguage(table, "en")).toEqual({ save: "Save", close: "Close" });
  });
});

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./render-markdown";
import {
  checkContentTexts,
  glossaryProblems,
  GlossarySchema,
  literalEmphasisProblems,
  localizedPairs,
  plainTextProblems,
  type Glossary,
} from "./text-lint";

const glossary: Glossary = {
  about: "test",
  terms: [
    { en: "system call", ko: "시스템 호출", reject: ["시스템 콜"] },
    { en: "context switch", ko: "문맥 전환", reject: ["문맥 교환"], allow: ["문맥 교환)"] },
  ],
};

describe("literalEmphasisProblems", () => {
  it("flags a ** that Markdown left in the HTML", () => {
    // An unclosed bold: the closing ** is followed by a letter and preceded by a space.
    const html = renderMarkdown("**쓰기 끝 **을 닫아야 합니다");
    expect(html).toContain("**");
    const problems = literalEmphasisProblems(html);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({ rule: "literal-emphasis" });
    expect(problems[0]?.message).toContain("쓰기 끝");
  });

  it("flags a single * left touching a word, not spaced arithmetic", () => {
    expect(literalEmphasisProblems("<p>*강조 *를</p>").map((p) => p.message)).toEqual([expect.stringContaining("literal *"), expect.stringContaining("literal *")]);
    expect(literalEmphasisProblems(renderMarkdown("2 * 3 * 4 = 24"))).toEqual([]);
  });

  it("passes a Korean bold the CJK-friendly renderer closes, and ** inside code", () => {
    expect(literalEmphasisProblems(renderMarkdown("**파이프(pipe)**로 연결합니다"))).toEqual([]);
    expect(literalEmphasisProblems(renderMarkdown("`char **argv`와\n\n```c\nint main(int argc, char **argv);\n```\n"))).toEqual([]);
  });
});

describe("plainTextProblems", () => {
  it("flags backticks (once per text) and ** in text shown verbatim", () => {
    const p = plainTextProblems("wc must print what `cat a | wc -l` prints, **exactly**");
    expect(p.map((x) => x.rule)).toEqual(["raw-backtick", "literal-emphasis", "literal-emphasis"]);
    expect(plainTextProblems("wc must print what “cat a | wc -l” prints")).toEqual([]);
  });
});

describe("glossaryProblems", () => {
  it("flags a variant the glossary rejects, naming the term to use and the line", () => {
    const p = glossaryProblems("첫 줄\n모든 시스템 콜은 커널에 들어갑니다", glossary);
    expect(p).toHaveLength(1);
    expect(p[0]?.rule).toBe("glossary");
    expect(p[0]?.message).toContain('line 2: "시스템 콜" → "시스템 호출"');
  });

  it("accepts the preferred term and a variant inside an allowed phrase", () => {
    expect(glossaryProblems("시스템 호출은 문맥 전환(context switch, 문맥 교환)이 아닙니다", glossary)).toEqual([]);
    expect(glossaryProblems("문맥 교환은", glossary)).toHaveLength(1);
  });

  it("renders Markdown texts and reads plain ones as they are shown", () => {
    const texts = [
      { file: "l/ko.md", id: "l", lang: "ko" as const, format: "markdown" as const, text: "**쓰기 끝 **을 닫습니다" },
      { file: "l/ko.md", id: "l", lang: "ko" as const, format: "markdown" as const, text: "`pipe()`의 **읽기 끝(read end)**은" },
      { file: "t.ts", id: "x/t", where: "message", lang: "ko" as const, format: "plain" as const, text: "`done <id>`로 보고" },
    ];
    expect(checkContentTexts(texts, glossary).map((f) => `${f.file} ${f.rule} ${f.message.slice(0, 10)}`)).toEqual([
      "l/ko.md literal-emphasis ko: litera",
      "l/ko.md literal-emphasis ko: litera",
      "t.ts raw-backtick ko message",
    ]);
  });

  it("checks Korean texts only", () => {
    const texts = [
      { file: "a.md", id: "a", lang: "ko" as const, format: "markdown" as const, text: "시스템 콜" },
      { file: "a.md", id: "a", lang: "en" as const, format: "markdown" as const, text: "시스템 콜" },
    ];
    expect(checkContentTexts(texts, glossary).map((f) => [f.file, f.rule])).toEqual([["a.md", "glossary"]]);
  });
});

describe("localizedPairs", () => {
  it("finds every { ko, en } text of a question, with its path", () => {
    const q = { id: "x", prompt: { ko: "가", en: "a" }, options: [{ id: "o", text: { ko: "나", en: "b" } }], answer: "o" };
    expect(localizedPairs(q)).toEqual([
      { where: "prompt", ko: "가", en: "a" },
      { where: "options.0.text", ko: "나", en: "b" },
    ]);
  });
});

describe("content/glossary.ko.json", () => {
  it("is valid, and no term's preferred word is rejected by another term", () => {
    const g = GlossarySchema.parse(JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../content/glossary.ko.json"), "utf8")));
    for (const t of g.terms) expect(glossaryProblems(t.ko, g), t.ko).toEqual([]);
  });
});

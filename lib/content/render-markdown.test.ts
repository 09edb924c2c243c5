import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./render-markdown";

describe("renderMarkdown", () => {
  it("renders blocks with GFM tables and linkable headings", () => {
    const html = renderMarkdown("## 파이프 `pipe()`\n\n| fd | end |\n|---|---|\n| 0 | read |\n");
    expect(html).toContain('<h2 id="파이프-pipe">파이프 <code>pipe()</code></h2>');
    expect(html).toContain("<td>read</td>");
  });

  it("renders one line inline, without a paragraph around it", () => {
    expect(renderMarkdown("write **4096** bytes", { inline: true })).toBe("write <strong>4096</strong> bytes");
    expect(renderMarkdown("write **4096** bytes")).toBe("<p>write <strong>4096</strong> bytes</p>\n");
  });
});

describe("renderMarkdown with Korean emphasis", () => {
  it("closes ** before a Hangul particle, even after a parenthesis or a code span", () => {
    expect(renderMarkdown("**파이프(pipe)**로 연결합니다", { inline: true })).toBe("<strong>파이프(pipe)</strong>로 연결합니다");
    expect(renderMarkdown("**`IPC_RMID`**는 표시만 합니다", { inline: true })).toBe("<strong><code>IPC_RMID</code></strong>는 표시만 합니다");
    expect(renderMarkdown("*비선점(no preemption)*으로", { inline: true })).toBe("<em>비선점(no preemption)</em>으로");
  });
  it("leaves English and arithmetic as CommonMark renders them", () => {
    expect(renderMarkdown("a **b** c and 2 * 3 * 4", { inline: true })).toBe("a <strong>b</strong> c and 2 * 3 * 4");
  });
});

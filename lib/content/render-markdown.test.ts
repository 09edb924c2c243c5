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

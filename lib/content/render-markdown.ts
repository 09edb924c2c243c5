/**
 * Course Markdown → HTML, one renderer for lessons, exercise prompts and quiz questions (on
 * the server and in the browser). The Markdown is ours — from git, or produced by our quiz
 * generators from numbers — never a user's, so its HTML is trusted.
 */
import { Marked } from "marked";
import markedCjkFriendly from "marked-cjk-friendly";

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]+>/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "");
}

// Headings get ids so that sections of a lesson can be linked to. CommonMark does not close
// `**` right after a closing parenthesis when a Hangul particle follows (`**파이프(pipe)**로`
// stays literal: the delimiter is not right-flanking), which is how Korean is written;
// marked-cjk-friendly applies the proposed CJK flanking rule, and leaves other text alone.
const marked = new Marked(markedCjkFriendly(), {
  gfm: true,
  renderer: {
    heading({ tokens, depth }) {
      const inner = this.parser.parseInline(tokens);
      return `<h${depth} id="${slugify(inner)}">${inner}</h${depth}>\n`;
    },
  },
});

/** Block Markdown, or with `inline` a single line without the surrounding paragraph. */
export function renderMarkdown(markdown: string, { inline = false }: { inline?: boolean } = {}): string {
  return inline ? marked.parseInline(markdown, { async: false }) : marked.parse(markdown, { async: false });
}

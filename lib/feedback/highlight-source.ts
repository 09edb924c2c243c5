/**
 * Splits TypeScript source into lines of classed tokens for the read-only code views
 * (instructor's submission view, a student's feedback). A small lexer rather than the
 * editor's parser: these views render on the server, must never fail on odd input (a
 * submission need not compile), and only need keywords, strings, comments and numbers.
 */
export type Token = { text: string; kind: "keyword" | "string" | "comment" | "number" | "plain" };

const KEYWORDS = new Set(
  "async await break case catch class const continue default do else enum export extends false finally for from function if import in instanceof interface let new null of return static switch this throw true try type typeof undefined var void while yield as readonly".split(" "),
);

// One alternation, tried at each position: block comment (may span lines), line comment, strings (template ones may span lines), numbers, words.
const TOKEN = /(\/\*[\s\S]*?(?:\*\/|$))|(\/\/[^\n]*)|("(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?|`(?:[^`\\]|\\[\s\S])*`?)|(\b\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?n?\b|\b0x[\da-f_]+\b)|([A-Za-z_$][\w$]*)/gi;

export function highlightSource(source: string): Token[][] {
  const tokens: Token[] = [];
  let last = 0;
  for (const m of source.matchAll(TOKEN)) {
    if (m.index > last) tokens.push({ text: source.slice(last, m.index), kind: "plain" });
    const kind: Token["kind"] = m[1] || m[2] ? "comment" : m[3] ? "string" : m[4] ? "number" : KEYWORDS.has(m[5]) ? "keyword" : "plain";
    tokens.push({ text: m[0], kind });
    last = m.index + m[0].length;
  }
  if (last < source.length) tokens.push({ text: source.slice(last), kind: "plain" });
  // Tokens that span lines (block comments, template strings) are cut at each newline.
  const lines: Token[][] = [[]];
  for (const t of tokens) {
    const parts = t.text.split("\n");
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines[lines.length - 1].push({ text: part, kind: t.kind });
    });
  }
  return lines;
}

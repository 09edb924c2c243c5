import ts from "typescript";

/**
 * SES's `Compartment.prototype.evaluate` refuses, with a SyntaxError, any source text in which
 * these patterns occur, wherever they are (in code, string, template and regex literals and
 * comments alike). They are copied from node_modules/ses/src/transforms.js (ses 2.3.0):
 * `htmlCommentPattern` (rejectHtmlComments), `importPattern` (rejectImportExpressions) and
 * `someDirectEvalPattern` (rejectSomeDirectEvalExpressions, on by default in `evaluate`).
 * SES's eval pattern has no `g` flag; the flag only lets us find every occurrence.
 */
const SES_PATTERNS = [
  { name: "html", regex: /(?:<!--|-->)/g },
  { name: "import", regex: /(^|[^.]|\.\.\.)\bimport(\s*(?:\(|\/[/*]))/g },
  { name: "eval", regex: /(^|[^.])\beval(\s*\()/g },
] as const;

type PatternName = (typeof SES_PATTERNS)[number]["name"];

export type SesSafeError = {
  /** 1-based, in the compiled JavaScript (not the student's source). */
  line: number;
  /** 1-based, in the compiled JavaScript. */
  column: number;
  message: string;
  /** What the code does that the sandbox cannot run, for locating it in the student's source. */
  construct: "dynamic-import" | "direct-eval" | "unsupported";
};

export const DYNAMIC_IMPORT_MESSAGE = "dynamic import() is not available in the sandbox";
export const DIRECT_EVAL_MESSAGE = "direct eval is not available in the sandbox";

/** True when SES would refuse this text as it is. */
export function sesRejects(js: string): boolean {
  return SES_PATTERNS.some(({ regex }) => {
    regex.lastIndex = 0;
    return regex.test(js);
  });
}

/**
 * Rewrites compiled JavaScript (TypeScript's CommonJS output) so that none of SES's textual
 * rejection patterns occurs in it, keeping what the program does and every line number
 * (edits never add or remove a line terminator; columns may shift on the edited lines):
 *
 * - in string, template and regex literals the offending character is written as an escape
 *   denoting the same character: `-->` becomes `--\x3e`, `<!--` becomes `\x3c!--` (in a regex
 *   lookbehind `(?<!--` the first `-` becomes `\x2d` instead), `import(` becomes `\x69mport(`
 *   and `eval(` becomes `\x65val(`. The values of strings, of template literals and the
 *   matches of regexes are unchanged; what does change is the raw text: a tagged template's
 *   `strings.raw` (e.g. `String.raw`), a regex's `source`/`toString()`, and
 *   `Function.prototype.toString()` of a function containing such literals.
 * - in comments the text is broken up (`-- >`, `<!- -`, `Import(`, `Eval(`).
 * - in code, tokens that only spell a pattern by being adjacent (`a-->b`, `a<!--b`) get a space
 *   between them; identifiers and property names that merely end in `import`/`eval` where SES
 *   looks (`obj.\n  eval(`, `obj. /*c*\/eval(`, `{ eval() {} }`, `$eval(`, `#eval(`) get the
 *   letter written as a unicode escape (`\u0065val`), which names the same property/binding.
 * - a real dynamic `import(...)` or direct `eval(...)` cannot run in the sandbox: the answer is
 *   an error at its position in the compiled JavaScript.
 */
export function sesSafeSource(js: string): { js: string } | { error: SesSafeError } {
  if (!sesRejects(js)) return { js }; // the usual case: nothing to parse
  let syntax: Syntax;
  let pieces: Piece[];
  try {
    syntax = parseJs(js);
    pieces = tokenize(js, syntax);
  } catch {
    // Not expected for TypeScript's output; an error rather than a compiler crash all the same.
    return { error: errorAt(js, firstMatch(js) ?? 0, "this code contains text the sandbox cannot run", "unsupported") };
  }
  // Each round fixes every occurrence found; a fix never creates a new occurrence, but two
  // occurrences may overlap (`<!-->`), so a second round may be needed. Bounded all the same.
  for (let round = 0; round < 8; round++) {
    const result = fixRound(pieces, syntax);
    if (result === "clean") return { js: pieces.map((p) => p.text).join("") };
    if (result !== "fixed") return { error: errorAt(js, result.at, result.message, result.construct) };
  }
  const text = pieces.map((p) => p.text).join("");
  const at = firstMatch(text) ?? 0;
  return { error: errorAt(js, Math.min(at, js.length), "this code contains text the sandbox cannot run", "unsupported") };
}

// ---------------------------------------------------------------------------------------------

type PieceKind = "string" | "template" | "regex" | "comment" | "space" | "word" | "code";

type Piece = {
  kind: PieceKind;
  /** The current text (rewritten in place). */
  text: string;
  /** Where the token starts in the original JavaScript. */
  start: number;
};

/** What the syntax tree says about positions in the compiled JavaScript. */
type Syntax = {
  /** Starts of regex literals: where a `/` must be rescanned as a regex. */
  regexStarts: Set<number>;
  /** Starts of template middles and tails: where a `}` continues a template. */
  templateContinuations: Set<number>;
  /** Starts of identifiers (including keywords used as property names) and private names. */
  identifiers: Set<number>;
  /** Starts of `eval` identifiers that are the callee of a call: direct eval. */
  directEvalCallees: Set<number>;
  /** Starts of `import` keywords that are the callee of a call: dynamic import. */
  dynamicImports: Set<number>;
};

function parseJs(js: string): Syntax {
  const file = ts.createSourceFile("compiled.js", js, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const syntax: Syntax = { regexStarts: new Set(), templateContinuations: new Set(), identifiers: new Set(), directEvalCallees: new Set(), dynamicImports: new Set() };
  // An explicit stack: deeply nested code must not overflow this walk.
  const stack: ts.Node[] = [file];
  const push = (n: ts.Node) => {
    stack.push(n);
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.kind) {
      case ts.SyntaxKind.RegularExpressionLiteral:
        syntax.regexStarts.add(node.getStart(file));
        break;
      case ts.SyntaxKind.TemplateMiddle:
      case ts.SyntaxKind.TemplateTail:
        syntax.templateContinuations.add(node.getStart(file));
        break;
      case ts.SyntaxKind.Identifier:
      case ts.SyntaxKind.PrivateIdentifier:
        syntax.identifiers.add(node.getStart(file));
        break;
      case ts.SyntaxKind.CallExpression: {
        const callee = (node as ts.CallExpression).expression;
        if (callee.kind === ts.SyntaxKind.ImportKeyword) syntax.dynamicImports.add(callee.getStart(file));
        else if (ts.isIdentifier(callee) && callee.text === "eval") syntax.directEvalCallees.add(callee.getStart(file));
        break;
      }
    }
    ts.forEachChild(node, push);
  }
  return syntax;
}

function kindOf(token: ts.SyntaxKind): PieceKind {
  switch (token) {
    case ts.SyntaxKind.StringLiteral:
      return "string";
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.TemplateHead:
    case ts.SyntaxKind.TemplateMiddle:
    case ts.SyntaxKind.TemplateTail:
      return "template";
    case ts.SyntaxKind.RegularExpressionLiteral:
      return "regex";
    case ts.SyntaxKind.SingleLineCommentTrivia:
    case ts.SyntaxKind.MultiLineCommentTrivia:
    case ts.SyntaxKind.ShebangTrivia:
      return "comment";
    case ts.SyntaxKind.WhitespaceTrivia:
    case ts.SyntaxKind.NewLineTrivia:
      return "space";
    case ts.SyntaxKind.Identifier:
    case ts.SyntaxKind.PrivateIdentifier:
      return "word";
    default:
      return token >= ts.SyntaxKind.FirstKeyword && token <= ts.SyntaxKind.LastKeyword ? "word" : "code";
  }
}

/**
 * The whole text as tokens and trivia (TypeScript's scanner, comments and whitespace kept),
 * with regexes and template continuations rescanned where the syntax tree has them, so a `/`
 * after `)` (as in `if (a)\n  /re/.test(s)`, which a previous-token heuristic gets wrong) is
 * still a regex.
 */
function tokenize(js: string, syntax: Syntax): Piece[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, /* skipTrivia */ false, ts.LanguageVariant.Standard, js);
  const pieces: Piece[] = [];
  let end = 0;
  for (;;) {
    let token = scanner.scan();
    if (token === ts.SyntaxKind.EndOfFileToken) break;
    const start = scanner.getTokenFullStart();
    if ((token === ts.SyntaxKind.SlashToken || token === ts.SyntaxKind.SlashEqualsToken) && syntax.regexStarts.has(start)) token = scanner.reScanSlashToken();
    else if (token === ts.SyntaxKind.CloseBraceToken && syntax.templateContinuations.has(start)) token = scanner.reScanTemplateToken(false);
    const tokenEnd = scanner.getTokenEnd();
    if (start !== end || tokenEnd <= start) throw new Error(`sesSafeSource: the scanner skipped text at ${end}`);
    pieces.push({ kind: kindOf(token), text: js.slice(start, tokenEnd), start });
    end = tokenEnd;
  }
  if (end !== js.length) throw new Error(`sesSafeSource: the scanner stopped at ${end} of ${js.length}`);
  return pieces;
}

// ---------------------------------------------------------------------------------------------

/** An edit inside one piece, at an offset of its current text. */
type Fix =
  | { type: "escape-unit"; offset: number } // literal: the unit at offset becomes \xHH
  | { type: "insert-space"; offset: number } // a space before offset
  | { type: "uppercase"; offset: number } // comment: the letter at offset
  | { type: "unicode-escape"; offset: number }; // identifier: the letter at offset becomes \u00HH

type Failure = { at: number; message: string; construct: SesSafeError["construct"] };

function firstMatch(text: string): number | null {
  let first: number | null = null;
  for (const { regex } of SES_PATTERNS) {
    regex.lastIndex = 0;
    const m = regex.exec(text);
    if (m && (first === null || m.index < first)) first = m.index;
  }
  return first;
}

/** Finds every occurrence in the current text and fixes it; or says why one cannot be fixed. */
function fixRound(pieces: Piece[], syntax: Syntax): "clean" | "fixed" | Failure {
  const starts: number[] = [];
  let offset = 0;
  for (const p of pieces) {
    starts.push(offset);
    offset += p.text.length;
  }
  const text = pieces.map((p) => p.text).join("");
  const pieceAt = (pos: number): number => {
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const fixes = new Map<number, Fix[]>();
  const addFix = (index: number, fix: Fix) => {
    const list = fixes.get(index) ?? [];
    list.push(fix);
    fixes.set(index, list);
  };
  let failure: Failure | null = null;
  const fail = (f: Failure) => {
    if (!failure || f.at < failure.at) failure = f;
  };
  let found = false;

  for (const { name, regex } of SES_PATTERNS) {
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      regex.lastIndex = m.index + 1; // overlapping occurrences too (`<!-->`)
      found = true;
      if (name === "html") {
        const first = pieceAt(m.index);
        const last = pieceAt(m.index + m[0].length - 1);
        if (first !== last) {
          // Adjacent tokens (`a-->b`): a space between any two tokens changes nothing.
          addFix(first + 1, { type: "insert-space", offset: 0 });
          continue;
        }
        const piece = pieces[first];
        const local = m.index - starts[first];
        if (isLiteral(piece.kind)) {
          const critical = m[0] === "-->" ? local + 2 : local; // the `>` or the `<`
          addFix(first, { type: "escape-unit", offset: critical });
        } else if (piece.kind === "comment") {
          addFix(first, { type: "insert-space", offset: local + m[0].length - 1 });
        } else {
          fail({ at: piece.start + local, message: "this code contains `<!--` or `-->`, which the sandbox cannot run", construct: "unsupported" });
        }
        continue;
      }
      const letter = m.index + m[1].length; // the `i` of import, the `e` of eval
      const index = pieceAt(letter);
      const piece = pieces[index];
      const local = letter - starts[index];
      if (isLiteral(piece.kind)) addFix(index, { type: "escape-unit", offset: local });
      else if (piece.kind === "comment") addFix(index, { type: "uppercase", offset: local });
      else if (piece.kind === "word") {
        const wordFix = fixWord(piece, local, name, syntax);
        if (wordFix) addFix(index, wordFix);
        else {
          const construct = syntax.dynamicImports.has(piece.start) ? "dynamic-import" : name === "eval" && syntax.directEvalCallees.has(piece.start) ? "direct-eval" : "unsupported";
          const message =
            construct === "dynamic-import" ? DYNAMIC_IMPORT_MESSAGE : construct === "direct-eval" ? DIRECT_EVAL_MESSAGE : `\`${name}\` is not available in the sandbox in this form`;
          fail({ at: piece.start + local, message, construct });
        }
      } else {
        fail({ at: piece.start + local, message: `this code contains \`${name}\` in a form the sandbox cannot run`, construct: "unsupported" });
      }
    }
  }
  if (failure) return failure;
  if (!found) return "clean";
  for (const [index, list] of fixes) {
    const piece = pieces[index];
    const r = applyFixes(piece, list);
    if (r) return { at: piece.start, message: r, construct: "unsupported" };
  }
  return "fixed";
}

function isLiteral(kind: PieceKind): kind is "string" | "template" | "regex" {
  return kind === "string" || kind === "template" || kind === "regex";
}

/**
 * An identifier or keyword spelling `import`/`eval` where SES looks: writing the letter as a
 * unicode escape names the same binding or property, except for the callee of a direct eval
 * (`\u0065val(x)` is still a direct eval) and the `import` keyword itself (an escaped keyword
 * is a syntax error): those cannot run in the sandbox.
 */
function fixWord(piece: Piece, local: number, name: PatternName, syntax: Syntax): Fix | null {
  if (!syntax.identifiers.has(piece.start)) return null; // a keyword: `import(...)`, `import /*…*/.meta`
  if (name === "eval" && local === 0 && syntax.directEvalCallees.has(piece.start)) return null;
  return { type: "unicode-escape", offset: local };
}

function hex2(char: string): string {
  return char.charCodeAt(0).toString(16).padStart(2, "0");
}

/** Applies the edits of one piece from the last to the first, so offsets stay valid. Returns why not, or null. */
function applyFixes(piece: Piece, list: Fix[]): string | null {
  let text = piece.text;
  if (isLiteral(piece.kind)) {
    const units = literalUnits(text, piece.kind);
    // Map each offset to its unit; a regex lookbehind `(?<!--` escapes its first `-` instead of the `<`.
    const unitStarts = new Set<number>();
    for (const fix of list) {
      if (fix.type === "insert-space" && fix.offset === 0) continue; // before the literal: applied last
      if (fix.type !== "escape-unit") return "a literal could not be rewritten";
      let u = unitContaining(units, fix.offset);
      if (u === null) return "a literal could not be rewritten";
      if (piece.kind === "regex" && text[fix.offset] === "<" && isLookbehindStart(units, u, text)) {
        u = unitContaining(units, fix.offset + 2);
        if (u === null || units[u].inClass || text.slice(units[u].start, units[u].end) !== "-") return "a regex lookbehind could not be rewritten";
      }
      unitStarts.add(u);
    }
    const ordered = [...unitStarts].sort((a, b) => b - a);
    for (const u of ordered) {
      const { start, end } = units[u];
      const raw = text.slice(start, end);
      const char = raw.length === 1 ? raw : raw.length === 2 && raw[0] === "\\" ? raw[1] : null;
      if (char === null || !"<>-ie".includes(char)) return "a literal could not be rewritten";
      text = `${text.slice(0, start)}\\x${hex2(char)}${text.slice(end)}`;
    }
    if (list.some((f) => f.type === "insert-space" && f.offset === 0)) text = ` ${text}`;
    piece.text = text;
    return null;
  }
  const seen = new Set<string>();
  const ordered = list
    .filter((f) => {
      const key = `${f.type}:${f.offset}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => b.offset - a.offset);
  for (const fix of ordered) {
    const at = fix.offset;
    switch (fix.type) {
      case "insert-space":
        text = `${text.slice(0, at)} ${text.slice(at)}`;
        break;
      case "uppercase":
        text = `${text.slice(0, at)}${text[at].toUpperCase()}${text.slice(at + 1)}`;
        break;
      case "unicode-escape":
        text = `${text.slice(0, at)}\\u00${hex2(text[at])}${text.slice(at + 1)}`;
        break;
      case "escape-unit":
        return "a literal could not be rewritten";
    }
  }
  piece.text = text;
  return null;
}

type Unit = { start: number; end: number; inClass: boolean };

/**
 * A literal's text cut into units: an escape sequence (`\n`, `\x3e`, `\u{1F600}`, `\-`, a line
 * continuation…) or a single character. Only whole units are rewritten, so `\\eval(` (an
 * escaped backslash, then `eval(`) and `\-->` (an identity escape, then `->`) are handled.
 * For regexes, whether the unit is inside a character class (nested classes with the v flag).
 */
function literalUnits(text: string, kind: "string" | "template" | "regex"): Unit[] {
  const regex = kind === "regex";
  const bodyEnd = regex ? text.lastIndexOf("/") : text.length;
  const vMode = regex && text.slice(bodyEnd + 1).includes("v");
  const units: Unit[] = [{ start: 0, end: 1, inClass: false }]; // the opening delimiter
  let depth = 0;
  let i = 1;
  while (i < text.length) {
    const inBody = !regex || i < bodyEnd;
    let end = i + 1;
    const inClass = depth > 0;
    if (text[i] === "\\" && inBody) end = i + escapeLength(text, i, regex);
    else if (regex && inBody && text[i] === "[") {
      if (depth === 0 || vMode) depth++;
    } else if (regex && inBody && text[i] === "]" && depth > 0) depth--;
    units.push({ start: i, end: Math.min(end, text.length), inClass });
    i = Math.min(end, text.length);
  }
  return units;
}

const HEX = /^[0-9a-fA-F]$/;

function escapeLength(text: string, i: number, regex: boolean): number {
  const next = text[i + 1];
  if (next === undefined) return 1;
  const hexRun = (from: number, n: number) => {
    for (let k = 0; k < n; k++) if (!HEX.test(text[from + k] ?? "")) return false;
    return true;
  };
  switch (next) {
    case "x":
      return hexRun(i + 2, 2) ? 4 : 2;
    case "u": {
      if (hexRun(i + 2, 4)) return 6;
      if (text[i + 2] === "{") {
        let k = i + 3;
        while (HEX.test(text[k] ?? "")) k++;
        if (k > i + 3 && text[k] === "}") return k + 1 - i;
      }
      return 2;
    }
    case "\r":
      return text[i + 2] === "\n" ? 3 : 2;
    case "c":
      return regex && /^[A-Za-z]$/.test(text[i + 2] ?? "") ? 3 : 2;
    case "k": {
      if (!regex || text[i + 2] !== "<") return 2;
      const close = text.indexOf(">", i + 3);
      return close > 0 && /^[\w$\\\u0080-\uffff]+$/.test(text.slice(i + 3, close)) ? close + 1 - i : 2;
    }
    case "p":
    case "P": {
      if (!regex || text[i + 2] !== "{") return 2;
      const close = text.indexOf("}", i + 3);
      return close > 0 && /^[\w=]+$/.test(text.slice(i + 3, close)) ? close + 1 - i : 2;
    }
    default: {
      const code = text.charCodeAt(i + 1);
      return code >= 0xd800 && code <= 0xdbff ? 3 : 2;
    }
  }
}

function unitContaining(units: Unit[], offset: number): number | null {
  let lo = 0;
  let hi = units.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (units[mid].end <= offset) lo = mid + 1;
    else if (units[mid].start > offset) hi = mid - 1;
    else return mid;
  }
  return null;
}

/** Is unit `u` (a `<`) the `<` of a lookbehind group `(?<` outside a character class? */
function isLookbehindStart(units: Unit[], u: number, text: string): boolean {
  if (u < 2) return false;
  const q = units[u - 1];
  const p = units[u - 2];
  return !p.inClass && text.slice(p.start, p.end) === "(" && text.slice(q.start, q.end) === "?";
}

/** 1-based line and column of an offset of the original JavaScript. */
function errorAt(js: string, at: number, message: string, construct: SesSafeError["construct"]): SesSafeError {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    const c = js.charCodeAt(i);
    if (c === 10 || c === 0x2028 || c === 0x2029 || (c === 13 && js.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: at - lineStart + 1, message, construct };
}

/**
 * Where the construct an error is about sits in the student's own source (1-based), for the
 * diagnostic: the compiled JavaScript's lines are not the source's (TypeScript adds a prologue
 * and drops types). TypeScript neither adds nor drops `eval(...)` calls, so the first direct
 * eval call of the source is the one to show; `import(...)` becomes `require` in CommonJS, so a
 * dynamic import in the compiled code is an unusual case, located the same way. Null when the
 * source has no such construct.
 */
export function locateInSource(source: string | ts.SourceFile, construct: SesSafeError["construct"]): { line: number; column: number } | null {
  if (construct === "unsupported") return null;
  const file = typeof source === "string" ? ts.createSourceFile("solution.ts", source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS) : source;
  const stack: ts.Node[] = [file];
  let best: number | null = null;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (ts.isCallExpression(node)) {
      let callee: ts.Expression = node.expression;
      // Type-only wrappers vanish in the emit: `(eval as any)(s)` is emitted as `eval(s)`.
      while (ts.isParenthesizedExpression(callee) || ts.isAsExpression(callee) || ts.isSatisfiesExpression(callee) || ts.isNonNullExpression(callee) || ts.isTypeAssertionExpression(callee)) {
        callee = callee.expression;
      }
      const hit = construct === "direct-eval" ? ts.isIdentifier(callee) && callee.text === "eval" : callee.kind === ts.SyntaxKind.ImportKeyword;
      const at = hit ? callee.getStart(file) : null;
      if (at !== null && (best === null || at < best)) best = at;
    }
    ts.forEachChild(node, (child) => {
      stack.push(child);
    });
  }
  if (best === null) return null;
  const { line, character } = file.getLineAndCharacterOfPosition(best);
  return { line: line + 1, column: character + 1 };
}

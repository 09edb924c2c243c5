/**
 * Checks the ```ts code blocks of a lesson's Markdown against the course's
 * real `ipc` API, so lesson examples cannot drift from what students run.
 *
 * Each block is compiled on its own, exactly as the grader compiles a
 * submission (strict TypeScript, the "ipc" module typings, a `console`
 * global): a block must therefore be a complete module — imports included,
 * no top-level fragments. On top of the type check, one rule the typings
 * cannot express: an exported function started with `spawn(fn, args)`
 * receives ONE parameter, the args array, so its first parameter must be an
 * array pattern or array-typed (`worker([r, w]: number[])`), not
 * `worker(r: number, w: number)` — which type-checks (spawn's entry is
 * `(args: never) => unknown`) but gets the whole array as `r` at run time.
 *
 * Only ```ts / ```typescript fences are checked; ```c, ```sh and plain
 * fences are left alone. Used by scripts/content-check.ts.
 */
import ts from "typescript";
import type { CompileReport } from "../grader/types";

export interface CodeBlock {
  /** 1-based position among the file's checked blocks. */
  index: number;
  /** 1-based Markdown line of the block's first code line (after the fence). */
  startLine: number;
  code: string;
}

export interface LessonCodeProblem {
  block: number;
  /** Line inside the block (1-based). */
  line: number;
  /** Line in the Markdown file (1-based). */
  mdLine: number;
  rule: "typecheck" | "spawn-args";
  message: string;
}

/** What the check needs from the grader's compiler (`submissionCompiler()`). */
export interface LessonCodeCompiler {
  compile(source: string, opts: { typecheck: boolean }): { report: CompileReport };
}

const TS_FENCE = /^ {0,3}(`{3,}|~{3,})\s*(ts|typescript)(\s.*)?$/;
const ANY_FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** The ```ts blocks of a Markdown text, in order, with their line numbers. */
export function tsCodeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = ANY_FENCE.exec(lines[i] as string);
    if (!open) continue;
    const fence = open[1] as string;
    const isTs = TS_FENCE.test(lines[i] as string);
    let end = i + 1;
    // A fence closes with the same character, at least as long, nothing after it.
    while (end < lines.length && !new RegExp(`^ {0,3}${fence[0]}{${fence.length},}\\s*$`).test(lines[end] as string)) end++;
    if (isTs) blocks.push({ index: blocks.length + 1, startLine: i + 2, code: lines.slice(i + 1, end).join("\n") + "\n" });
    i = end;
  }
  return blocks;
}

function oneLine(message: string): string {
  return message
    .split("\n")
    .map((s) => s.trim())
    .filter(Boolean)
    .join(" ");
}

type FunctionLike = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction;

/** Is `p` the args array: `[a, b]`, `args: number[]`, `args: [number, number]`, `args: Array<…>`? */
function isArgsArray(p: ts.ParameterDeclaration): boolean {
  if (ts.isArrayBindingPattern(p.name)) return true;
  const t = p.type;
  if (!t) return false;
  if (ts.isArrayTypeNode(t) || ts.isTupleTypeNode(t)) return true;
  if (ts.isTypeOperatorNode(t) && t.operator === ts.SyntaxKind.ReadonlyKeyword) return ts.isArrayTypeNode(t.type) || ts.isTupleTypeNode(t.type);
  return ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName) && (t.typeName.text === "Array" || t.typeName.text === "ReadonlyArray");
}

/** Functions of a block passed to `spawn` (by reference or by export name) whose parameter is not the args array. */
function spawnArgProblems(code: string): { line: number; message: string }[] {
  const sf = ts.createSourceFile("block.ts", code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const functions = new Map<string, FunctionLike>();
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name) functions.set(st.name.text, st);
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) {
          functions.set(d.name.text, d.initializer);
        }
      }
    }
  }
  const problems: { line: number; message: string }[] = [];
  const seen = new Set<string>();
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "spawn") {
      const entry = node.arguments[0];
      const name = entry && (ts.isIdentifier(entry) || ts.isStringLiteralLike(entry)) ? entry.text : undefined;
      const fn = name === undefined ? undefined : functions.get(name);
      if (fn && name !== undefined && !seen.has(name)) {
        seen.add(name);
        const params = fn.parameters;
        const first = params[0];
        if (first && (params.length > 1 || !isArgsArray(first))) {
          problems.push({
            line: sf.getLineAndCharacterOfPosition(first.getStart(sf)).line + 1,
            message:
              `"${name}" is started with spawn, so it receives one parameter, the args array: ` +
              `write ${name}([${params.map((p) => (ts.isIdentifier(p.name) ? p.name.text : "…")).join(", ")}]: number[]), ` +
              `not ${name}(${params.map((p) => p.getText(sf)).join(", ")})`,
          });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return problems;
}

/** Checks every ```ts block of one Markdown body; returns one entry per problem (empty = fine). */
export function checkLessonCode(markdown: string, compiler: LessonCodeCompiler): LessonCodeProblem[] {
  const problems: LessonCodeProblem[] = [];
  for (const b of tsCodeBlocks(markdown)) {
    const at = (line: number) => ({ block: b.index, line, mdLine: b.startLine + line - 1 });
    const { report } = compiler.compile(b.code, { typecheck: true });
    const errors = report.diagnostics.filter((d) => d.severity === "error");
    for (const d of errors) problems.push({ ...at(d.line), rule: "typecheck", message: `${d.code} ${oneLine(d.message)}` });
    if (!report.ok && errors.length === 0) problems.push({ ...at(1), rule: "typecheck", message: "the block does not compile" });
    for (const p of spawnArgProblems(b.code)) problems.push({ ...at(p.line), rule: "spawn-args", message: p.message });
  }
  return problems;
}

/** `en ts block 2, line 5 (en.md:88): TS2345 …` */
export function formatLessonCodeProblem(lang: string, p: LessonCodeProblem): string {
  return `${lang} ts block ${p.block}, line ${p.line} (${lang}.md:${p.mdLine}): ${p.message}`;
}

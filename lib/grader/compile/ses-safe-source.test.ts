import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import fc from "fast-check";
import ivm from "isolated-vm";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMPILER_OPTIONS, SANDBOX_SYNTAX_CODE } from "./compile-typescript";
import { DIRECT_EVAL_MESSAGE, DYNAMIC_IMPORT_MESSAGE, sesRejects, sesSafeSource } from "./ses-safe-source";
import { submissionCompiler } from "./submission-compiler";

/** TypeScript's output for a source, before any rewriting (what the grader got before). */
function transpileRaw(source: string): string {
  return ts.transpileModule(source, { compilerOptions: COMPILER_OPTIONS, fileName: "/submission/solution.ts" }).outputText;
}

function lineCount(text: string): number {
  return text.split(/\r\n|[\n\r\u2028\u2029]/).length;
}

/** Same serialization in Node and in the SES isolate: regexes' `source` changes, so they are not compared as text. */
const SERIALIZE = `(value) => JSON.stringify(value, (k, x) =>
  x === undefined ? "<undefined>" : typeof x === "function" ? "<function " + x.name + ">" : x instanceof RegExp ? "<regexp>" : typeof x === "bigint" ? String(x) + "n" : x)`;
const serialize = new Function(`return ${SERIALIZE}`)() as (value: unknown) => string;

const noRequire = (name: string) => {
  throw new Error(`require(${name}) in a test`);
};

/** Runs CommonJS output with plain `new Function` (no SES) and serializes its exports. */
function runPlain(js: string): string {
  const exports: Record<string, unknown> = {};
  new Function("exports", "require", js)(exports, noRequire);
  return serialize(exports);
}

type SesOutcome = { rejected: string } | { threw: string } | { value: string };

/**
 * A real SES: the `ses` package's UMD build and lockdown in an isolated-vm isolate (lockdown in
 * the test worker itself would freeze vitest's own intrinsics).
 */
let isolate: ivm.Isolate;
let context: ivm.Context;
beforeAll(() => {
  isolate = new ivm.Isolate({ memoryLimit: 128 });
  context = isolate.createContextSync();
  const dir = path.dirname(createRequire(import.meta.url).resolve("ses/package.json"));
  context.evalSync(fs.readFileSync(path.join(dir, "dist/ses.umd.min.js"), "utf8"));
  context.evalSync(`lockdown({ errorTaming: "unsafe", consoleTaming: "unsafe" });`);
  context.evalSync(`
    globalThis.serialize = ${SERIALIZE};
    globalThis.sesRun = (src) => {
      let factory;
      try {
        factory = new Compartment().evaluate("(function (exports, require) {" + src + "\\n})");
      } catch (error) {
        return JSON.stringify({ rejected: String(error && error.message) });
      }
      const exports = {};
      try {
        factory(exports, (name) => { throw new Error("require(" + name + ") in a test"); });
      } catch (error) {
        return JSON.stringify({ threw: String(error) });
      }
      return JSON.stringify({ value: serialize(exports) });
    };`);
});
afterAll(() => isolate?.dispose());

function sesRun(js: string): SesOutcome {
  return JSON.parse(context.evalClosureSync("return sesRun($0)", [js], { result: { copy: true } }) as string) as SesOutcome;
}

function rewrite(js: string): string {
  const safe = sesSafeSource(js);
  if ("error" in safe) throw new Error(`unexpected error: ${JSON.stringify(safe.error)}\n${js}`);
  return safe.js;
}

/**
 * Rewrites `js`, then checks everything the rewrite promises against plain JS and real SES.
 * `reference`: the JavaScript whose results the rewrite must give, when not `js` itself.
 */
function checkRewrite(js: string, { rejectedBefore, reference = js }: { rejectedBefore: boolean; reference?: string }) {
  const before = sesRun(js);
  if (rejectedBefore) expect(before).toMatchObject({ rejected: expect.stringMatching(/SES_(HTML_COMMENT|IMPORT|EVAL)_REJECTED/) });
  else expect(before).toHaveProperty("value");
  expect(sesRejects(js)).toBe(rejectedBefore);
  const safe = rewrite(js);
  expect(lineCount(safe)).toBe(lineCount(js));
  expect(sesRejects(safe)).toBe(false);
  const expected = runPlain(reference);
  expect(runPlain(safe)).toBe(expected);
  expect(sesRun(safe)).toEqual({ value: expected });
  return { safe, value: JSON.parse(expected) as Record<string, unknown> };
}

/** Student sources (TypeScript), each exporting the values the rewrite must keep. */
const TS_CASES: Array<{ name: string; source: string; rejectedBefore?: boolean; value?: Record<string, unknown> }> = [
  {
    name: "HTML comment markers in strings",
    source: String.raw`export const a = "parent --> child";
export const b = '<!-- not a comment';
export const c = "<!-->", d = "<!--->", e = "---->>";`,
    value: { a: "parent --> child", b: "<!-- not a comment", c: "<!-->", d: "<!--->", e: "---->>" },
  },
  {
    name: "import( and eval( in strings",
    source: String.raw`export const a = "import(x)";
export const b = 'await import  ("fs")';
export const c = "eval(1)", d = "eval\t(2)";
export const e = "a.eval(1) ...import(y) import//x import/*y*/";`,
    value: { a: "import(x)", b: 'await import  ("fs")', c: "eval(1)", d: "eval\t(2)", e: "a.eval(1) ...import(y) import//x import/*y*/" },
  },
  {
    name: "escape sequences next to the patterns (only whole escapes are rewritten)",
    source: String.raw`export const a = "\-->", b = "\\eval(x)", c = "a\<!--b", d = "\import(", e = "\x3c!--\u{1F600}-->", f = "a\
-->";`,
    value: { a: "-->", b: "\\eval(x)", c: "a<!--b", d: "import(", e: "<!--\u{1F600}-->", f: "a-->" },
  },
  {
    name: "non-ASCII text around the patterns",
    source: `export const a = "😀-->😀eval(🎉", b = "é<!--import(ü";`,
    value: { a: "😀-->😀eval(🎉", b: "é<!--import(ü" },
  },
  {
    name: "templates with substitutions",
    source: "const a = 1, b = 2;\nexport const t = `${a}-->${b}`;\nexport const u = `<!--${a}import(${b})eval(`;\nexport const v = `-->`;",
    value: { t: "1-->2", u: "<!--1import(2)eval(", v: "-->" },
  },
  {
    name: "nested templates",
    source: "export const n = `outer-->${`inner<!--${`deep eval(${1 + 1}) ${'import(' + `x-->`}`}`}-->`;",
    value: { n: "outer-->inner<!--deep eval(2) import(x-->-->" },
  },
  {
    name: "tagged templates keep their cooked strings",
    source: "const tag = (s: TemplateStringsArray, ...v: unknown[]) => s.join('|') + v.join(',');\nexport const c = tag`a-->b${1}c<!--d${2}eval(`;",
    value: { c: "a-->b|c<!--d|eval(1,2" },
  },
  {
    name: "regex literals",
    source: String.raw`export const r1 = /-->/.test("a-->b");
export const r2 = "x<!--y".match(/<!--/)?.[0];
export const r3 = "import(1)".replace(/import(?=\()/, "IMP");
export const r4 = /eval(\d)/.exec("eval7")?.[1];
export const r5 = "<!--".match(/[<!--]+/)?.[0];
export const r6 = [/(?<!--)x/.test("--x"), /(?<!--)x/.test("-x")];
export const r7 = /\beval(?<n>\d)/u.exec("eval9")?.groups?.n;
export const r8 = [/\-->/.test("-->"), /\\eval(x)/.test("\\evalx")];
export const r9 = "IMPORT(".match(/import(\()/i)?.[0];
export const r10 = /[\]<!--]/.test("]");`,
    value: { r1: true, r2: "<!--", r3: "IMP(1)", r4: "7", r5: "<!--", r6: [false, true], r7: "9", r8: [true, true], r9: "IMPORT(", r10: true },
  },
  {
    name: "a regex after `)`, where a previous-token heuristic would see a division",
    source: String.raw`const s = "a-->b";
let hit = false;
if (s) /-->/.test(s) && (hit = true);
export const r = hit;`,
    value: { r: true },
  },
  {
    name: "comments",
    source: String.raw`// parent --> child, import("x") and eval(1)
/* <!-- --> <!-->
   import (y) */
/** eval( in a doc comment */
export const c = 1; // trailing -->`,
    value: { c: 1 },
  },
  {
    name: "property and method names spelled eval/import where SES looks",
    source: String.raw`const o = { eval(x: number) { return x * 2; }, import(x: number) { return x + 1; } };
export const p = o.eval(2) + o.import(3);
export const q = o.
  eval(5);
export const r = o. /* c */eval(6) + o?.import(1);
class A {
  #eval() { return 7; }
  import() { return this.#eval(); }
  static eval(x: number) { return -x; }
}
export const s = [new A().import(), A.eval(8)];
const $eval = (x: number) => x + 100;
export const t = $eval(1);
export const u = new A().import.name + o.eval.name;`,
    value: { p: 8, q: 10, r: 14, s: [7, -8], t: 101, u: "importeval" },
  },
  {
    name: "`a-->b` and `x<!--y` as code: TypeScript emits them spaced, which SES accepts",
    source: `let a = 3, b = 1;\nexport const dec = a-->b;\nexport const after = a;\nlet x = 1, y = 2;\nexport const cmp = x<!--y;\nexport const y2 = y;`,
    rejectedBefore: false,
    value: { dec: true, after: 2, cmp: false, y2: 1 },
  },
  {
    name: "dynamic import becomes require in CommonJS, which SES accepts",
    source: `export async function load() { return import("ipc"); }\nexport const n = 1;`,
    rejectedBefore: false,
    value: { load: "<function load>", n: 1 },
  },
];

/** Plain JavaScript (not TypeScript's output) for what TypeScript's emitter never writes. */
const JS_CASES: Array<{ name: string; js: string; reference?: string; value: Record<string, unknown> }> = [
  { name: "`a-->b` unspaced", js: "let a = 3, b = 1;\nexports.dec = a-->b;\nexports.a = a;", value: { dec: true, a: 2 } },
  {
    // A classic script (`new Function`, Annex B) would read `<!--` as a line comment; a module, and
    // TypeScript, read operators, which is what TypeScript's emit (spaced) means and what the rewrite keeps.
    name: "`x<!--y` and `x<<!--y` unspaced, read as operators",
    js: "let x = 1, y = 2;\nexports.c = x<!--y;\nexports.d = x<<!--y;\nexports.y = y;",
    reference: "let x = 1, y = 2;\nexports.c = x < !--y;\nexports.d = x << !--y;\nexports.y = y;",
    value: { c: false, d: 2, y: 0 },
  },
  { name: "`$import(` and `éeval(` identifiers", js: "const $import = (v) => v + 1, éeval = (v) => v * 3;\nexports.r = $import\n(1) + éeval (2);", value: { r: 8 } },
  { name: "a v-flag regex", js: String.raw`exports.r = [/[\p{L}--[a-z]]-->/v.test("A-->"), /[<!]-->/v.test("<-->")];`, value: { r: [true, true] } },
];

describe("sesSafeSource", () => {
  it.each(TS_CASES)("$name", ({ source, rejectedBefore = true, value }) => {
    const js = transpileRaw(source);
    const checked = checkRewrite(js, { rejectedBefore });
    if (value) expect(checked.value).toEqual(value);
    if (!rejectedBefore) expect(checked.safe).toBe(js);
  });

  it.each(JS_CASES)("plain JS: $name", ({ js, reference, value }) => {
    expect(checkRewrite(js, { rejectedBefore: true, reference }).value).toEqual(value);
  });

  it("changes a template's raw strings (String.raw), as documented", () => {
    const js = transpileRaw("export const raw = String.raw`a-->b`;\nexport const cooked = `a-->b`;");
    expect(runPlain(js)).toBe(JSON.stringify({ raw: "a-->b", cooked: "a-->b" }));
    expect(runPlain(rewrite(js))).toBe(JSON.stringify({ raw: "a--\\x3eb", cooked: "a-->b" }));
  });

  it("reports a real direct eval at its place in the compiled code", () => {
    const js = transpileRaw(`export const v = 1;\nexport const w = eval("1 + 1");`);
    expect(sesRun(js)).toMatchObject({ rejected: expect.stringContaining("SES_EVAL_REJECTED") });
    const lines = js.split("\n");
    const line = lines.findIndex((l) => l.includes("eval(")) + 1;
    expect(sesSafeSource(js)).toEqual({ error: { line, column: lines[line - 1].indexOf("eval(") + 1, message: DIRECT_EVAL_MESSAGE, construct: "direct-eval" } });
  });

  it("reports a real dynamic import at its place in the compiled code", () => {
    const js = `"use strict";\nconst x = 1;\nconst m = import("x");\n`;
    expect(sesRun(js)).toMatchObject({ rejected: expect.stringContaining("SES_IMPORT_REJECTED") });
    expect(sesSafeSource(js)).toEqual({ error: { line: 3, column: 11, message: DYNAMIC_IMPORT_MESSAGE, construct: "dynamic-import" } });
    expect(sesSafeSource("f(...import(y))")).toMatchObject({ error: { line: 1, column: 6, construct: "dynamic-import" } });
  });

  it("leaves an indirect eval, which SES runs, alone", () => {
    const js = transpileRaw(`export const v = (0, eval)("1 + 1");`);
    expect(sesSafeSource(js)).toEqual({ js });
  });

  it("gives back the very same string when there is nothing to rewrite", () => {
    const js = transpileRaw(`export async function main() { console.log("hello"); }`);
    expect(sesSafeSource(js)).toEqual({ js });
  });

  const ALPHABET = ["<", "!", "-", ">", "i", "m", "p", "o", "r", "t", "e", "v", "a", "l", "(", "/", "*", ".", " ", "\n", "\\", '"', "'", "`", "$", "{", "}", "x", "\u2028", "😀"];
  const text = fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
    { weight: 2, arbitrary: fc.array(fc.constantFrom("-->", "<!--", "import(", "eval(", "import //", " import/*", "...import(", ".eval(", "\\", "\\\\", "`", "${"), { maxLength: 8 }).map((parts) => parts.join("")) },
  );
  const asTemplate = (s: string) => "`" + s.replace(/[\\`$]/g, (c) => `\\${c}`).replace(/\r/g, "\\r") + "`";
  const asSingleQuoted = (s: string) => `'${JSON.stringify(s).slice(1, -1).replace(/'/g, "\\'")}'`;
  const asRegex = (s: string) => `/${s === "" ? "(?:)" : s.replace(/[\\^$.*+?()[\]{}|/]/g, (c) => `\\${c}`).replace(/[\n\r\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}/`;

  it("keeps any string's value in string, template and regex literals, and SES accepts it, with it in comments too (property)", () => {
    fc.assert(
      fc.property(text, (s) => {
        const source = [
          `/* ${s.replace(/\*\//g, "* /")} */`,
          `export const d = ${JSON.stringify(s)}; // ${s.replace(/[\n\r\u2028\u2029]/g, " ")}`,
          `export const q = ${asSingleQuoted(s)};`,
          `export const t = ${asTemplate(s)};`,
          `export const r = ${asRegex(s)}.exec(${JSON.stringify(`<${s}>`)})?.[0];`,
        ].join("\n");
        const js = transpileRaw(source);
        const safe = rewrite(js);
        expect(lineCount(safe)).toBe(lineCount(js));
        const expected = JSON.stringify({ d: s, q: s, t: s, r: s });
        expect(runPlain(js)).toBe(expected);
        expect(runPlain(safe)).toBe(expected);
        expect(sesRun(safe)).toEqual({ value: expected });
      }),
      { numRuns: 300 },
    );
  });
});

describe("the compile pipeline", () => {
  const compiler = submissionCompiler();
  const HTML_IN_STRING = `export async function main() {\n  console.log("parent --> child"); // <!-- import(x) eval(y)\n}\n`;
  const DIRECT_EVAL = `export async function main() {\n  const n: number = 1;\n  console.log(n, eval("1 + 1"));\n}\n`;

  it("hands out JavaScript SES accepts, in both the transpile and the compile paths", () => {
    const transpiled = compiler.transpile(HTML_IN_STRING);
    expect(transpiled.syntaxErrors).toEqual([]);
    expect(sesRejects(transpiled.js)).toBe(false);
    expect(transpiled.js).toContain("parent --\\x3e child");
    const compiled = compiler.compile(HTML_IN_STRING, { typecheck: true });
    expect(compiled.report).toEqual({ ok: true, diagnostics: [] });
    expect(compiled.js).toBe(transpiled.js);
    expect(sesRun(compiled.js!)).toHaveProperty("value");
  });

  it("turns a direct eval into a compile error at its place in the student's source", () => {
    const expected = { severity: "error", line: 3, column: 18, code: SANDBOX_SYNTAX_CODE, message: DIRECT_EVAL_MESSAGE };
    expect(compiler.transpile(DIRECT_EVAL).syntaxErrors).toEqual([expected]);
    expect(compiler.compile(DIRECT_EVAL, { typecheck: true })).toEqual({ report: { ok: false, diagnostics: [expected] }, js: null, lines: [] });
    expect(compiler.compile(DIRECT_EVAL, { typecheck: false })).toEqual({ report: { ok: false, diagnostics: [expected] }, js: null, lines: [] });
    const hidden = `export async function main() {\n  console.log((eval as any)("1"));\n}\n`;
    expect(compiler.transpile(hidden).syntaxErrors).toMatchObject([{ line: 2, column: 16, code: SANDBOX_SYNTAX_CODE }]);
  });

  it("keeps reporting plain syntax errors as they were", () => {
    const broken = `export async function main() {\n  eval("1"\n`;
    const { syntaxErrors } = compiler.transpile(broken);
    expect(syntaxErrors.length).toBeGreaterThan(0);
    expect(syntaxErrors.every((d) => d.code.startsWith("TS"))).toBe(true);
  });
});

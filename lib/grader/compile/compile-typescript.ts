import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { COMPILER_SETTINGS, SUBMISSION_FILES } from "./compiler-settings";
import { locateInSource, sesSafeSource } from "./ses-safe-source";
import { sourceLines } from "./source-lines";
import type { CompileReport, Diagnostic } from "../types";

const STUDENT_FILE = SUBMISSION_FILES.source;
const IPC_TYPES_FILE = SUBMISSION_FILES.ipcTypes;
const GLOBALS_FILE = SUBMISSION_FILES.globals;
// typescript's main file sits in its lib/ folder, next to the lib.*.d.ts files.
const LIB_DIR = path.dirname(fileURLToPath(import.meta.resolve("typescript")));

// The source map only serves to map a runtime error's line back to the student's source (source-lines.ts).
export const COMPILER_OPTIONS: ts.CompilerOptions = { ...(COMPILER_SETTINGS as unknown as ts.CompilerOptions), noEmitOnError: false, sourceMap: true, inlineSources: false };

/** The emitted JavaScript without its `//# sourceMappingURL=` comment (nothing in the sandbox could load the map). */
function withoutMapComment(js: string): string {
  return js.replace(/\n\/\/# sourceMappingURL=[^\n]*\s*$/, "\n");
}

function toDiagnostic(d: ts.Diagnostic, severity: Diagnostic["severity"] = "error"): Diagnostic {
  const { line, character } = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
  return { severity, line: line + 1, column: character + 1, code: `TS${d.code}`, message: ts.flattenDiagnosticMessageText(d.messageText, "\n") };
}

/** Diagnostic code of the compiled code the sandbox (SES) cannot run: a direct eval, a dynamic import. */
export const SANDBOX_SYNTAX_CODE = "SANDBOX-SYNTAX";

/**
 * The compiled JavaScript made acceptable to SES's `Compartment.evaluate`, which refuses any
 * text containing `<!--`, `-->`, `import(` or `eval(` (even in strings and comments): see
 * ses-safe-source.ts. What cannot be made acceptable (a real direct eval) is an error
 * diagnostic at its place in the student's source. Every JavaScript this compiler hands out
 * goes through here, on the compiler thread and in-process alike.
 */
function sandboxSafe(js: string, source: string): { js: string } | { diagnostic: Diagnostic } {
  const safe = sesSafeSource(js);
  if ("js" in safe) return safe;
  const at = locateInSource(source, safe.error.construct) ?? { line: 1, column: 1 };
  return { diagnostic: { severity: "error", ...at, code: SANDBOX_SYNTAX_CODE, message: safe.error.message } };
}

/**
 * Compiles student TypeScript with a long-lived language service: the standard library and
 * the `ipc` typings are parsed once per worker process, so each submission costs only its
 * own file (tens of milliseconds instead of a second).
 */
export class SubmissionCompiler {
  private version = 0;
  private source = "";
  private readonly fixedFiles: Map<string, string>;
  private readonly service: ts.LanguageService;

  constructor(ipcTypes: string) {
    this.fixedFiles = new Map([
      [IPC_TYPES_FILE, ipcTypes],
      [GLOBALS_FILE, SUBMISSION_FILES.globalsSource],
    ]);
    const host: ts.LanguageServiceHost = {
      getCompilationSettings: () => COMPILER_OPTIONS,
      getScriptFileNames: () => [STUDENT_FILE, GLOBALS_FILE],
      getScriptVersion: (file) => (file === STUDENT_FILE ? String(this.version) : "1"),
      getScriptSnapshot: (file) => {
        const text = this.readFile(file);
        return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
      },
      getCurrentDirectory: () => "/submission",
      getDefaultLibFileName: (options) => path.join(LIB_DIR, ts.getDefaultLibFileName(options)),
      fileExists: (file) => this.readFile(file) !== undefined,
      readFile: (file) => this.readFile(file),
      directoryExists: (dir) => dir.startsWith("/submission") || dir.startsWith(LIB_DIR),
      getDirectories: () => [],
    };
    this.service = ts.createLanguageService(host, ts.createDocumentRegistry());
  }

  private readFile(file: string): string | undefined {
    if (file === STUDENT_FILE) return this.source;
    if (this.fixedFiles.has(file)) return this.fixedFiles.get(file);
    if (file.startsWith(LIB_DIR) && fs.existsSync(file)) return fs.readFileSync(file, "utf8");
    return undefined;
  }

  /** Parses and checks the lib files once, so the first submission is not the slow one. */
  warmUp(): void {
    this.compile("export async function main() {}", { typecheck: true });
  }

  /**
   * JavaScript from the syntax alone (no type information needed, a few milliseconds), with
   * the syntax errors. Lets grading start while the type check runs (see `typeDiagnostics`).
   */
  transpile(source: string): { syntaxErrors: Diagnostic[]; js: string; lines: number[] } {
    const out = ts.transpileModule(source, { compilerOptions: COMPILER_OPTIONS, fileName: STUDENT_FILE, reportDiagnostics: true });
    const syntaxErrors = (out.diagnostics ?? []).map((d) => toDiagnostic(d));
    const emitted = withoutMapComment(out.outputText);
    const safe = sandboxSafe(emitted, source);
    if ("js" in safe) return { syntaxErrors, js: safe.js, lines: sourceLines(safe.js, out.sourceMapText) };
    // Code with syntax errors does not run anyway: its emit is no ground for more errors.
    return { syntaxErrors: syntaxErrors.length > 0 ? syntaxErrors : [safe.diagnostic], js: emitted, lines: [] };
  }

  /** The type errors of a source, reported as warnings or errors. */
  typeDiagnostics(source: string, severity: Diagnostic["severity"]): Diagnostic[] {
    this.source = source;
    this.version++;
    return this.service.getSemanticDiagnostics(STUDENT_FILE).map((d) => toDiagnostic(d, severity));
  }

  compile(source: string, { typecheck }: { typecheck: boolean }): { report: CompileReport; js: string | null; lines: number[] } {
    this.source = source;
    this.version++;
    const syntax = this.service.getSyntacticDiagnostics(STUDENT_FILE).map((d) => toDiagnostic(d));
    if (syntax.length > 0) return { report: { ok: false, diagnostics: syntax }, js: null, lines: [] };
    const semantic = this.service.getSemanticDiagnostics(STUDENT_FILE).map((d) => toDiagnostic(d, typecheck ? "error" : "warning"));
    const output = this.service.getEmitOutput(STUDENT_FILE);
    const jsFile = output.outputFiles.find((f) => f.name.endsWith(".js"));
    const emitted = jsFile ? withoutMapComment(jsFile.text) : null;
    const map = output.outputFiles.find((f) => f.name.endsWith(".js.map"))?.text;
    const safe = emitted === null ? null : sandboxSafe(emitted, source);
    const js = safe && "js" in safe ? safe.js : null;
    const diagnostics = safe && "diagnostic" in safe ? [...semantic, safe.diagnostic] : semantic;
    const blocking = typecheck && semantic.length > 0;
    return { report: { ok: !blocking && js !== null, diagnostics }, js: blocking ? null : js, lines: js === null || blocking ? [] : sourceLines(js, map) };
  }
}

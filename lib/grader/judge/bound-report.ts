import { MAX_REPORT_BYTES, MAX_TEST_MESSAGE_CHARS, MAX_TRACE_OUTPUT_CHARS, MAX_TRACE_STRING_CHARS } from "../limits";
import type { GradeReport, Lang, TestReport } from "../types";
import { cutText } from "./cut-text";

/** Nesting kept in a trace; deeper values (never produced by the kernel) become a marker. */
const MAX_TRACE_DEPTH = 12;

const TRACE_LEFT_OUT: Record<Lang, string> = {
  en: "(The timeline of this run was left out: the report would have been too large. Replay it in the workspace.)",
  ko: "(보고서가 너무 커져서 이 실행의 타임라인은 생략했습니다. 작업 공간에서 재현해 보세요.)",
};

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? "");

function cutStrings(value: unknown, max: number, depth = 0): unknown {
  if (typeof value === "string") return cutText(value, max);
  if (typeof value !== "object" || value === null) return value;
  if (depth >= MAX_TRACE_DEPTH) return "[…]";
  if (Array.isArray(value)) return value.map((v) => cutStrings(v, max, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = cutStrings(v, max, depth + 1);
  return out;
}

/** A trace whose every string is short; output and the failure get a longer allowance. */
function trimTrace(trace: unknown): unknown {
  if (typeof trace !== "object" || trace === null || Array.isArray(trace)) return undefined;
  const { output, failure, ...rest } = trace as Record<string, unknown>;
  const trimmed = cutStrings(rest, MAX_TRACE_STRING_CHARS) as Record<string, unknown>;
  if (typeof output === "object" && output !== null) trimmed.output = cutStrings(output, MAX_TRACE_OUTPUT_CHARS);
  if (failure !== undefined) trimmed.failure = cutStrings(failure, MAX_TEST_MESSAGE_CHARS);
  return trimmed;
}

/** The trace with only as many of its first events as fit in `budget` bytes, marked truncated; null if even none fit. */
function shortenTrace(trace: Record<string, unknown>, budget: number): Record<string, unknown> | null {
  const events = Array.isArray(trace.events) ? trace.events : [];
  const shell = { ...trace, events: [], truncated: true, droppedEvents: Number(trace.droppedEvents ?? 0) + events.length };
  let used = bytes(shell);
  if (used > budget) return null;
  let kept = 0;
  for (; kept < events.length; kept++) {
    const size = bytes(events[kept]) + 1;
    if (used + size > budget) break;
    used += size;
  }
  return { ...trace, events: events.slice(0, kept), truncated: kept < events.length || trace.truncated === true, droppedEvents: Number(trace.droppedEvents ?? 0) + events.length - kept };
}

function leaveTraceOut(test: TestReport, lang: Lang): TestReport {
  const { trace: _dropped, ...rest } = test;
  const note = TRACE_LEFT_OUT[lang];
  return { ...rest, message: `${cutText(test.message, MAX_TEST_MESSAGE_CHARS - note.length - 1)}\n${note}` };
}

/**
 * The report within MAX_REPORT_BYTES of JSON: every message, trace string and output cut
 * first; then, while it is still too large, the traces of later failing tests are left out
 * (the first failure is the one to study; the others can be replayed from their tokens);
 * then the remaining trace loses its last events; and compile diagnostics that do not fit
 * are left out last. Each test says when its trace was left out.
 */
export function boundReport(report: GradeReport, lang: Lang): GradeReport {
  let tests: TestReport[] = report.tests.map((t) => {
    const cut: TestReport = { ...t, message: cutText(t.message, MAX_TEST_MESSAGE_CHARS) };
    if (t.trace !== undefined) cut.trace = trimTrace(t.trace);
    // The class's evidence is bounded by its schema (failure-class-schema.ts); its sentences by this.
    if (t.failureClass) cut.failureClass = { ...t.failureClass, title: cutText(t.failureClass.title, MAX_TEST_MESSAGE_CHARS), explanation: cutText(t.failureClass.explanation, MAX_TEST_MESSAGE_CHARS) };
    return cut;
  });
  let bounded: GradeReport = {
    ...report,
    compile: { ...report.compile, diagnostics: report.compile.diagnostics.map((d) => ({ ...d, message: cutText(d.message, MAX_TEST_MESSAGE_CHARS) })) },
    tests,
  };
  if (report.error !== undefined) bounded.error = cutText(report.error, MAX_TEST_MESSAGE_CHARS);
  let size = bytes(bounded);
  if (size <= MAX_REPORT_BYTES) return bounded;

  const traced = tests.flatMap((t, i) => (t.trace === undefined ? [] : [i]));
  for (const i of traced.slice(1).reverse()) {
    if (size <= MAX_REPORT_BYTES) break;
    const before = bytes(tests[i]);
    tests = tests.with(i, leaveTraceOut(tests[i], lang));
    size -= before - bytes(tests[i]);
  }
  if (size > MAX_REPORT_BYTES && traced.length) {
    const i = traced[0];
    const trace = tests[i].trace as Record<string, unknown>;
    const others = size - bytes(trace);
    const shortened = shortenTrace(trace, MAX_REPORT_BYTES - others);
    const before = bytes(tests[i]);
    tests = tests.with(i, shortened ? { ...tests[i], trace: shortened } : leaveTraceOut(tests[i], lang));
    size -= before - bytes(tests[i]);
  }
  bounded = { ...bounded, tests };
  if (size <= MAX_REPORT_BYTES) return bounded;

  // Only diagnostics can still be this large (a 64 KiB source full of type errors).
  const diagnostics = bounded.compile.diagnostics;
  const room = MAX_REPORT_BYTES - (size - bytes(diagnostics)) - 200;
  let used = 2;
  let kept = 0;
  while (kept < diagnostics.length && used + bytes(diagnostics[kept]) + 1 <= room) used += bytes(diagnostics[kept++]) + 1;
  const left = diagnostics.length - kept;
  if (left === 0) return bounded;
  const note = { severity: "warning" as const, line: 1, column: 1, code: "REPORT-SIZE", message: `${left} more diagnostics were left out: the report would have been too large.` };
  return { ...bounded, compile: { ...bounded.compile, diagnostics: [...diagnostics.slice(0, kept), note] } };
}

/**
 * The contract between the web app, the queue, the worker pool and the sandbox.
 * Everything here is plain JSON: it crosses process boundaries.
 */

import type { Coverage } from "../kernel/strategies/coverage";
import type { FailureClass } from "../kernel/failure-class";

export type Lang = "ko" | "en";
export type Localized = Record<Lang, string>;

export type Diagnostic = {
  severity: "error" | "warning";
  /** 1-based, in the student's own source. */
  line: number;
  column: number;
  code: string;
  message: string;
};

export type CompileReport = { ok: boolean; diagnostics: Diagnostic[] };

export type TestReport = {
  id: string;
  title: string;
  passed: boolean;
  points: number;
  maxPoints: number;
  /** Student-facing: the exercise's failure message plus what went wrong. */
  message: string;
  /** Public tests are readable by students; hidden ones only show title and message. */
  hidden: boolean;
  schedulesExplored: number;
  /**
   * What the test's exploration covered, e.g. every schedule with at most 2 preemptions, or
   * PCT runs with a miss probability for shallow bugs (lib/kernel/strategies/coverage.ts;
   * lib/grader/coverage-text.ts says it in words). Absent when the sandbox gave none the host accepts.
   */
  coverage?: Coverage;
  /** Replay token of the counterexample schedule (see docs/kernel.md). */
  replay?: string;
  /** The counterexample's trace (versioned JSON, see docs/kernel.md); `trace.cause` is failureClass.causeStep. */
  trace?: unknown;
  /** What kind of mistake the counterexample shows (absent when the sandbox gave none the host accepts). */
  failureClass?: ReportedFailureClass;
};

/**
 * A failure class as the report shows it: kind, evidence and cause step (lib/kernel/failure-class)
 * with its title and explanation in the report's language (lib/grader/failure-class-text.ts).
 * `message` already starts with the explanation; these fields let a UI lay it out.
 */
export type ReportedFailureClass = FailureClass & { title: string; explanation: string };

export type Verdict = "graded" | "compile-error" | "resource-limit" | "internal-error";

export type GradeReport = {
  exercise: string;
  verdict: Verdict;
  score: number;
  maxScore: number;
  compile: CompileReport;
  tests: TestReport[];
  limits: { cpuMs: number; wallMs: number; memoryMb: number };
  schedulesExplored: number;
  /** Hash of the hidden tests the grade was computed with (stale detection, regrades). */
  testsHash: string;
  /** For resource-limit and internal-error verdicts: what happened, student-facing. */
  error?: string;
  durationMs: number;
};

export type GradeRequest = {
  exercise: string;
  source: string;
  /** Base seed for exploration; the same seed reproduces the same grade. */
  seed?: number;
  /** Which suite to run: the hidden tests (grading) or the public ones. */
  suite?: "hidden" | "public";
};

/** Progress a worker reports while it grades (e.g. schedules explored so far). */
export type GradeProgress = { testsDone: number; testsTotal: number; schedulesExplored: number };

import type { Diagnostic } from "@/lib/grader/types";
import type { LocalTestResult } from "@/lib/workspace/browser/run-worker";
import type { Coverage } from "@/lib/kernel/strategies/coverage";

/** The local "Run" as the results panel shows it. */
export type LocalRun =
  | { state: "running"; done: number; total: number }
  | { state: "done"; results: LocalTestResult[] }
  | { state: "syntax"; diagnostics: Diagnostic[] }
  | { state: "timeout" }
  | { state: "error"; message: string };

/** GET /api/submissions/[id], the fields the workspace reads. */
export type SubmissionView = {
  id: string;
  status: "QUEUED" | "RUNNING" | "GRADED" | "COMPILE_ERROR" | "FAILED";
  position: number | null;
  schedulesExplored: number;
  score: number | null;
  maxScore: number | null;
  late: boolean;
  latePenalty: number;
  practice: boolean;
  assignment: { id: string; title: string; courseId: string } | null;
  detailsReleaseAt: string | null;
  compile: { ok: boolean; diagnostics: Diagnostic[] } | null;
  error: string | null;
  detailsVisible: boolean;
  tests: Array<{ testId: string; title: string; passed: boolean; points: number; maxPoints: number; message: string; hidden: boolean; replay: string | null; trace: unknown; coverage: Coverage | null }>;
};


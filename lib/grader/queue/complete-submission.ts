import { SubmissionStatus, type Db } from "../../db";
import type { GradeReport, Verdict } from "../types";
import { retryWhenBusy } from "./retry-when-busy";
import { toStoredReport } from "./stored-report";
import { NO_LEASE, heldLease, type SubmissionLease } from "./submission-lease";

/** Attempts (claims) a submission gets before a grader failure marks it FAILED. */
export const DEFAULT_MAX_ATTEMPTS = 3;

export type CompletionRefusal = "not-found" | "superseded" | "not-running" | "lease-lost";

export type CompletionResult =
  | { applied: true; status: SubmissionStatus }
  | { applied: false; reason: CompletionRefusal };

const FINAL_STATUS: Record<Exclude<Verdict, "internal-error">, SubmissionStatus> = {
  graded: SubmissionStatus.GRADED,
  "compile-error": SubmissionStatus.COMPILE_ERROR,
  // Overrunning a limit is the submission's outcome: it is graded (score 0, with the reason).
  "resource-limit": SubmissionStatus.GRADED,
};

function refusal(row: { status: SubmissionStatus; leaseOwner: string | null; gradeRun: number } | null, lease: SubmissionLease): CompletionRefusal | null {
  if (!row) return "not-found";
  if (row.gradeRun !== lease.gradeRun) return "superseded";
  if (row.status !== SubmissionStatus.RUNNING) return "not-running";
  if (row.leaseOwner !== lease.owner) return "lease-lost";
  return null;
}

/**
 * Records a grade, idempotently: it applies only while the submission is RUNNING under
 * this lease (owner and grade run), so a duplicate, late or superseded completion is a
 * no-op that says why. In one transaction it writes the status, score, report JSON,
 * testsHash and schedulesExplored, clears the lease and replaces the TestResult rows.
 *
 * An internal-error report (our fault, not the student's) is not a grade: the submission
 * goes back to the queue, until `maxAttempts` attempts made it FAILED. A FAILED
 * submission keeps its previous score and results (a failed regrade loses nothing).
 */
export async function completeSubmission(
  db: Db,
  lease: SubmissionLease,
  report: GradeReport,
  { maxAttempts = DEFAULT_MAX_ATTEMPTS, now = new Date() } = {},
): Promise<CompletionResult> {
  return retryWhenBusy(() => db.$transaction(async (tx) => {
    const row = await tx.submission.findUnique({ where: { id: lease.id }, select: { status: true, leaseOwner: true, gradeRun: true, attempts: true } });
    const refused = refusal(row, lease);
    if (refused) return { applied: false, reason: refused };

    if (report.verdict === "internal-error" && row!.attempts < maxAttempts) {
      const { count } = await tx.submission.updateMany({ where: heldLease(lease), data: { status: SubmissionStatus.QUEUED, ...NO_LEASE } });
      return count === 1 ? { applied: true, status: SubmissionStatus.QUEUED } : { applied: false, reason: "lease-lost" };
    }

    const status = report.verdict === "internal-error" ? SubmissionStatus.FAILED : FINAL_STATUS[report.verdict];
    const failed = status === SubmissionStatus.FAILED;
    const { count } = await tx.submission.updateMany({
      where: heldLease(lease),
      data: {
        status,
        report: toStoredReport(report),
        gradedAt: now,
        ...NO_LEASE,
        ...(!failed && {
          score: report.score,
          maxScore: report.maxScore,
          testsHash: report.testsHash,
          schedulesExplored: report.schedulesExplored,
          stale: false,
        }),
      },
    });
    if (count !== 1) return { applied: false, reason: "lease-lost" };
    if (!failed) await replaceTestResults(tx as unknown as Db, lease.id, report);
    return { applied: true, status };
  }));
}

/**
 * The stored trace also names the failure's class (its kind only: the evidence and the text are
 * in the report), so statistics over many submissions read it from the row
 * (lib/item-statistics/stored-failure-kind.ts) without parsing every report.
 */
function withFailureKind(test: GradeReport["tests"][number]): unknown {
  const trace = test.trace;
  if (!test.failureClass || !trace || typeof trace !== "object" || Array.isArray(trace)) return trace;
  return { ...trace, failureClass: { kind: test.failureClass.kind } };
}

/** The grade run's results replace the previous run's, in two statements whatever the number of tests. */
async function replaceTestResults(tx: Db, submissionId: string, report: GradeReport): Promise<void> {
  await tx.testResult.deleteMany({ where: { submissionId } });
  await tx.testResult.createMany({
    data: report.tests.map((test) => ({
      submissionId,
      testId: test.id,
      title: test.title,
      passed: test.passed,
      points: test.points,
      maxPoints: test.maxPoints,
      message: test.message,
      hidden: test.hidden,
      trace: test.trace === undefined ? null : JSON.stringify(withFailureKind(test)),
      replay: test.replay ?? null,
    })),
  });
}

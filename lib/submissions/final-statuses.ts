/**
 * Submission statuses after which grading is over (until a regrade): the grade, a compile
 * error, or a grading failure. Plain strings, so client components can import this without
 * the database client.
 */
export const FINAL_SUBMISSION_STATUSES = ["GRADED", "COMPILE_ERROR", "FAILED"] as const;

export function isFinalSubmissionStatus(status: string): boolean {
  return (FINAL_SUBMISSION_STATUSES as readonly string[]).includes(status);
}

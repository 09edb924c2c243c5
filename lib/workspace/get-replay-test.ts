import type { CurrentUser } from "../auth/current-user";
import { ApiError, notFoundError } from "../http/api-error";
import { getSubmissionForViewer } from "../submissions/get-submission-for-viewer";
import { loadTestScenarios } from "./bundling/load-test-scenarios";

/**
 * What the browser needs to replay a graded counterexample on the student's current code:
 * the replay token and the failing test's scenario (its data only: ids, processes, initial
 * objects; never its check). Allowed exactly when the viewer may already see that test's
 * trace, which shows the same data event by event: getSubmissionForViewer withholds a hidden
 * test's replay token while an assignment keeps it hidden from this student.
 */
export async function getReplayTest(viewer: CurrentUser, submissionId: string, testId: string) {
  const submission = await getSubmissionForViewer(viewer, submissionId);
  const result = submission.tests.find((t) => t.testId === testId);
  if (!result) throw notFoundError("Test");
  if (!result.replay) throw new ApiError(404, "This test has no counterexample to replay.");
  const scenarios = await loadTestScenarios(submission.exercise.slug, result.hidden ? "hidden" : "public");
  const test = scenarios.find((t) => t.id === testId);
  if (!test) throw new ApiError(410, "The exercise no longer has this test.");
  return { exercise: submission.exercise.slug, token: result.replay, test: { id: test.id, scenario: test.scenario } };
}

import { requireUser } from "@/lib/auth/require";
import { apiHandler } from "@/lib/http/api-handler";
import { getSubmissionForViewer } from "@/lib/submissions/get-submission-for-viewer";
import { statusWatcher } from "@/lib/submissions/status-watcher";
import { streamSubmissionStatus } from "@/lib/submissions/stream-submission-status";

export const dynamic = "force-dynamic";

/** Live status of one submission as Server-Sent Events (the view of GET ../, then its changes). */
export const GET = apiHandler<{ params: Promise<{ submissionId: string }> }>(async (request, { params }) => {
  const user = await requireUser("api");
  const { submissionId } = await params;
  // Authorised (and 404/403 as JSON) before the stream starts.
  const first = await getSubmissionForViewer(user, submissionId);
  const readFinal = () => getSubmissionForViewer(user, submissionId);
  return streamSubmissionStatus({ submissionId, first, readFinal, watcher: statusWatcher(), signal: request.signal });
});

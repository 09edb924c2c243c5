import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/require";
import { apiHandler } from "@/lib/http/api-handler";
import { getSubmissionForViewer } from "@/lib/submissions/get-submission-for-viewer";

export const GET = apiHandler<{ params: Promise<{ submissionId: string }> }>(async (_request, { params }) => {
  const user = await requireUser("api");
  const { submissionId } = await params;
  return NextResponse.json(await getSubmissionForViewer(user, submissionId), { headers: { "cache-control": "no-store" } });
});

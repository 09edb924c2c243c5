import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/require";
import { apiHandler } from "@/lib/http/api-handler";
import { listSubmissionHistory } from "@/lib/workspace/list-submission-history";
import { exerciseParams } from "../../schema";

/** My submissions to this exercise with their sources (history, diffs, restore). */
export const GET = apiHandler<{ params: Promise<{ slug: string }> }>(async (_request, { params }) => {
  const user = await requireUser("api");
  const { slug } = exerciseParams.parse(await params);
  return NextResponse.json({ submissions: await listSubmissionHistory(user.id, slug) }, { headers: { "cache-control": "no-store" } });
});

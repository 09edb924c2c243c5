import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/require";
import { apiHandler } from "@/lib/http/api-handler";
import { listSubmissionHistory } from "@/lib/workspace/list-submission-history";
import { exerciseParams } from "../../schema";
import { historyQuery } from "./schema";

/** My submissions to this exercise with their sources (history, diffs, restore, reopen): the assignment's, and practice apart. */
export const GET = apiHandler<{ params: Promise<{ slug: string }> }>(async (request, { params }) => {
  const user = await requireUser("api");
  const { slug } = exerciseParams.parse(await params);
  const query = historyQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(await listSubmissionHistory(user.id, slug, query.assignment ?? null), { headers: { "cache-control": "no-store" } });
});

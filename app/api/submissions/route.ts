import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/require";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { MAX_SOURCE_REQUEST_BYTES } from "@/lib/grader/limits";
import { createSubmission } from "@/lib/submissions/create-submission";
import { listMySubmissions } from "@/lib/submissions/list-my-submissions";
import { webGradeNotifier } from "@/lib/grader/web-grade-notifier";
import { createSubmissionBody, listSubmissionsQuery } from "./schema";

export const POST = apiHandler(async (request) => {
  const user = await requireUser("api");
  const body = await readJson(request, createSubmissionBody, MAX_SOURCE_REQUEST_BYTES);
  const created = await createSubmission(user, body, webGradeNotifier());
  return NextResponse.json(created, { status: 201 });
});

export const GET = apiHandler(async (request) => {
  const user = await requireUser("api");
  const query = listSubmissionsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json({ submissions: await listMySubmissions(user.id, query.exercise) });
});

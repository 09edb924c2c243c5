import { NextResponse } from "next/server";
import { requireCourseMember } from "@/lib/auth/require";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { listRegradeRequests } from "@/lib/regrade-requests/list-regrade-requests";
import { openRegradeRequest } from "@/lib/regrade-requests/open-regrade-request";
import { openRegradeRequestBody, regradeRequestListQuery } from "./schema";

type Ctx = { params: Promise<{ courseId: string }> };

/** Staff: the course's queue; a student: their own requests. */
export const GET = apiHandler<Ctx>(async (request, { params }) => {
  const { courseId } = await params;
  const { user, courseRole } = await requireCourseMember(courseId, "api");
  const query = regradeRequestListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json({ requests: await listRegradeRequests(user, courseId, courseRole, { assignmentId: query.assignment, status: query.status }) }, { headers: { "cache-control": "no-store" } });
});

export const POST = apiHandler<Ctx>(async (request, { params }) => {
  const { courseId } = await params;
  const { user } = await requireCourseMember(courseId, "api");
  const input = await readJson(request, openRegradeRequestBody, 16 * 1024);
  return NextResponse.json({ request: await openRegradeRequest(user, courseId, input) }, { status: 201 });
});

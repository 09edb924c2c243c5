import { NextResponse } from "next/server";
import { requireCourseInstructor } from "@/lib/auth/require";
import { webGradeNotifier } from "@/lib/grader/web-grade-notifier";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { resolveRegradeRequest } from "@/lib/regrade-requests/resolve-regrade-request";
import { resolveRegradeRequestBody } from "./schema";

type Ctx = { params: Promise<{ courseId: string; requestId: string }> };

export const POST = apiHandler<Ctx>(async (request, { params }) => {
  const { courseId, requestId } = await params;
  const { user } = await requireCourseInstructor(courseId, "api");
  const decision = await readJson(request, resolveRegradeRequestBody, 16 * 1024);
  return NextResponse.json({ request: await resolveRegradeRequest(user, courseId, requestId, decision, webGradeNotifier()) });
});

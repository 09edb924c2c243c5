import { NextResponse } from "next/server";
import { requireCourseInstructor } from "@/lib/auth/require";
import { webGradeNotifier } from "@/lib/grader/web-grade-notifier";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { requestCourseRegrade } from "@/lib/regrade/request-course-regrade";
import { requestRegradeBody } from "./schema";

type Ctx = { params: Promise<{ courseId: string }> };

export const POST = apiHandler<Ctx>(async (request, { params }) => {
  const { courseId } = await params;
  const { user } = await requireCourseInstructor(courseId, "api");
  const scope = await readJson(request, requestRegradeBody, 4 * 1024);
  return NextResponse.json(await requestCourseRegrade(user.id, courseId, scope, webGradeNotifier()), { status: 202 });
});

import { NextResponse } from "next/server";
import { requireCourseInstructor } from "@/lib/auth/require";
import { removeEnrollment } from "@/lib/courses/remove-enrollment";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { removeEnrollmentBody } from "./schema";

type Ctx = { params: Promise<{ courseId: string }> };

export const POST = apiHandler<Ctx>(async (request, { params }) => {
  const { courseId } = await params;
  const { user } = await requireCourseInstructor(courseId, "api");
  const { userId } = await readJson(request, removeEnrollmentBody, 4 * 1024);
  return NextResponse.json(await removeEnrollment(user, courseId, userId));
});

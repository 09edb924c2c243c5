import { NextResponse } from "next/server";
import { requireCourseInstructor } from "@/lib/auth/require";
import { updateCourse } from "@/lib/courses/update-course";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { courseSettingsBody } from "./schema";

type Ctx = { params: Promise<{ courseId: string }> };

export const POST = apiHandler<Ctx>(async (request, { params }) => {
  const { courseId } = await params;
  const { user } = await requireCourseInstructor(courseId, "api");
  const changes = await readJson(request, courseSettingsBody, 8 * 1024);
  const course = await updateCourse(user.id, courseId, changes);
  return NextResponse.json({ course: { id: course.id, code: course.code, title: course.title, description: course.description } });
});

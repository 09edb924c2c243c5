import { NextResponse } from "next/server";
import { requireRole } from "@/lib/auth/require";
import { createCourse } from "@/lib/courses/create-course";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { courseFields } from "./schema";

export const POST = apiHandler(async (request) => {
  const user = await requireRole(["INSTRUCTOR", "ADMIN"], "api");
  const fields = await readJson(request, courseFields, 8 * 1024);
  const course = await createCourse(user.id, fields);
  return NextResponse.json({ course: { id: course.id, code: course.code, title: course.title, joinCode: course.joinCode } }, { status: 201 });
});

import { NextResponse } from "next/server";
import { requireCourseInstructor } from "@/lib/auth/require";
import { addCoInstructor } from "@/lib/courses/add-co-instructor";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { addInstructorBody } from "./schema";

type Ctx = { params: Promise<{ courseId: string }> };

export const POST = apiHandler<Ctx>(async (request, { params }) => {
  const { courseId } = await params;
  const { user } = await requireCourseInstructor(courseId, "api");
  const { email } = await readJson(request, addInstructorBody, 4 * 1024);
  return NextResponse.json({ instructor: await addCoInstructor(user.id, courseId, email) }, { status: 201 });
});

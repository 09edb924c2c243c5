import { NextResponse } from "next/server";
import { requireCourseInstructor } from "@/lib/auth/require";
import { overrideGrade } from "@/lib/gradebook/override-grade";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { overrideGradeBody } from "./schema";

type Ctx = { params: Promise<{ courseId: string }> };

export const POST = apiHandler<Ctx>(async (request, { params }) => {
  const { courseId } = await params;
  const { user } = await requireCourseInstructor(courseId, "api");
  const input = await readJson(request, overrideGradeBody, 8 * 1024);
  return NextResponse.json({ override: await overrideGrade(user.id, courseId, input) }, { status: 201 });
});

import { NextResponse } from "next/server";
import { requireCourseInstructor } from "@/lib/auth/require";
import { getRoster } from "@/lib/courses/get-roster";
import { apiHandler } from "@/lib/http/api-handler";

export const GET = apiHandler<{ params: Promise<{ courseId: string }> }>(async (_request, { params }) => {
  const { courseId } = await params;
  await requireCourseInstructor(courseId, "api");
  return NextResponse.json({ roster: await getRoster(courseId) });
});

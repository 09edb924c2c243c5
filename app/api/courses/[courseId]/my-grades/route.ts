import { NextResponse } from "next/server";
import { requireCourseMember } from "@/lib/auth/require";
import { getMyGrades } from "@/lib/gradebook/get-my-grades";
import { apiHandler } from "@/lib/http/api-handler";

type Ctx = { params: Promise<{ courseId: string }> };

/** The signed-in student's own grades in this course (404 for staff: they have the grade book). */
export const GET = apiHandler<Ctx>(async (_request, { params }) => {
  const { courseId } = await params;
  const { user } = await requireCourseMember(courseId, "api");
  return NextResponse.json({ assignments: await getMyGrades(courseId, user.id) }, { headers: { "cache-control": "no-store" } });
});

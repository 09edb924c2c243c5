import { NextResponse } from "next/server";
import { requireCourseInstructor } from "@/lib/auth/require";
import { createAssignment } from "@/lib/assignments/create-assignment";
import { listCourseAssignments } from "@/lib/assignments/list-course-assignments";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { createAssignmentBody } from "./schema";

type Ctx = { params: Promise<{ courseId: string }> };

export const GET = apiHandler<Ctx>(async (_request, { params }) => {
  const { courseId } = await params;
  await requireCourseInstructor(courseId, "api");
  return NextResponse.json({ assignments: await listCourseAssignments(courseId) });
});

export const POST = apiHandler<Ctx>(async (request, { params }) => {
  const { courseId } = await params;
  const { user } = await requireCourseInstructor(courseId, "api");
  const input = await readJson(request, createAssignmentBody, 8 * 1024);
  return NextResponse.json({ assignment: await createAssignment(user.id, courseId, input) }, { status: 201 });
});

import { NextResponse } from "next/server";
import { requireCourseInstructor } from "@/lib/auth/require";
import { getCourseAssignment } from "@/lib/assignments/get-course-assignment";
import { updateAssignment } from "@/lib/assignments/update-assignment";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { updateAssignmentBody } from "./schema";

type Ctx = { params: Promise<{ courseId: string; assignmentId: string }> };

export const GET = apiHandler<Ctx>(async (_request, { params }) => {
  const { courseId, assignmentId } = await params;
  await requireCourseInstructor(courseId, "api");
  return NextResponse.json({ assignment: await getCourseAssignment(courseId, assignmentId) });
});

export const POST = apiHandler<Ctx>(async (request, { params }) => {
  const { courseId, assignmentId } = await params;
  const { user } = await requireCourseInstructor(courseId, "api");
  const changes = await readJson(request, updateAssignmentBody, 8 * 1024);
  return NextResponse.json({ assignment: await updateAssignment(user.id, courseId, assignmentId, changes) });
});

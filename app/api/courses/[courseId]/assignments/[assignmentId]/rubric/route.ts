import { NextResponse } from "next/server";
import { requireCourseInstructor } from "@/lib/auth/require";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { createRubricItem } from "@/lib/feedback/create-rubric-item";
import { createRubricItemBody } from "./schema";

type Ctx = { params: Promise<{ courseId: string; assignmentId: string }> };

export const POST = apiHandler<Ctx>(async (request, { params }) => {
  const { courseId, assignmentId } = await params;
  const { user } = await requireCourseInstructor(courseId, "api");
  const input = await readJson(request, createRubricItemBody, 4 * 1024);
  return NextResponse.json({ item: await createRubricItem(user.id, courseId, { assignmentId, ...input }) }, { status: 201 });
});

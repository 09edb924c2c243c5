import { NextResponse } from "next/server";
import { requireCourseInstructor } from "@/lib/auth/require";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { archiveRubricItem } from "@/lib/feedback/archive-rubric-item";
import { archiveRubricItemBody } from "./schema";

type Ctx = { params: Promise<{ courseId: string; assignmentId: string }> };

export const POST = apiHandler<Ctx>(async (request, { params }) => {
  const { courseId, assignmentId } = await params;
  const { user } = await requireCourseInstructor(courseId, "api");
  const { itemId } = await readJson(request, archiveRubricItemBody, 4 * 1024);
  return NextResponse.json({ item: await archiveRubricItem(user.id, courseId, assignmentId, itemId) });
});

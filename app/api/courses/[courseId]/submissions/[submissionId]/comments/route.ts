import { NextResponse } from "next/server";
import { requireCourseInstructor } from "@/lib/auth/require";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { addLineComment } from "@/lib/feedback/add-line-comment";
import { addLineCommentBody } from "./schema";

type Ctx = { params: Promise<{ courseId: string; submissionId: string }> };

export const POST = apiHandler<Ctx>(async (request, { params }) => {
  const { courseId, submissionId } = await params;
  const { user } = await requireCourseInstructor(courseId, "api");
  const input = await readJson(request, addLineCommentBody, 16 * 1024);
  return NextResponse.json({ comment: await addLineComment(user.id, courseId, submissionId, input) }, { status: 201 });
});

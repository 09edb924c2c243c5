import { NextResponse } from "next/server";
import { requireCourseInstructor } from "@/lib/auth/require";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { deleteLineComment } from "@/lib/feedback/delete-line-comment";
import { removeLineCommentBody } from "./schema";

type Ctx = { params: Promise<{ courseId: string; submissionId: string }> };

export const POST = apiHandler<Ctx>(async (request, { params }) => {
  const { courseId } = await params;
  const { user } = await requireCourseInstructor(courseId, "api");
  const { commentId } = await readJson(request, removeLineCommentBody, 4 * 1024);
  return NextResponse.json({ comment: await deleteLineComment(user.id, courseId, commentId) });
});

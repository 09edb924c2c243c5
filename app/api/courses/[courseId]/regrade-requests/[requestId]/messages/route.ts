import { NextResponse } from "next/server";
import { requireCourseMember } from "@/lib/auth/require";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { replyRegradeRequest } from "@/lib/regrade-requests/reply-regrade-request";
import { regradeReplyBody } from "./schema";

type Ctx = { params: Promise<{ courseId: string; requestId: string }> };

export const POST = apiHandler<Ctx>(async (request, { params }) => {
  const { courseId, requestId } = await params;
  const { user, courseRole } = await requireCourseMember(courseId, "api");
  const { body } = await readJson(request, regradeReplyBody, 16 * 1024);
  return NextResponse.json({ message: await replyRegradeRequest(user, courseId, courseRole, requestId, body) }, { status: 201 });
});

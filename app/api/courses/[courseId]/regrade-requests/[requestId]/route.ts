import { NextResponse } from "next/server";
import { requireCourseMember } from "@/lib/auth/require";
import { apiHandler } from "@/lib/http/api-handler";
import { getRegradeRequest } from "@/lib/regrade-requests/get-regrade-request";

type Ctx = { params: Promise<{ courseId: string; requestId: string }> };

// The request id is the only input (no schema beside this route); its student or the course's staff.
export const GET = apiHandler<Ctx>(async (_request, { params }) => {
  const { courseId, requestId } = await params;
  const { user, courseRole } = await requireCourseMember(courseId, "api");
  return NextResponse.json({ request: await getRegradeRequest(user, courseId, courseRole, requestId) }, { headers: { "cache-control": "no-store" } });
});

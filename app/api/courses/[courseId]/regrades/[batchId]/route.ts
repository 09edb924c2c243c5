import { NextResponse } from "next/server";
import { requireCourseInstructor } from "@/lib/auth/require";
import { apiHandler } from "@/lib/http/api-handler";
import { getRegradeBatch } from "@/lib/regrade/get-regrade-batch";

type Ctx = { params: Promise<{ courseId: string; batchId: string }> };

// Polled by the progress bar; the batch id is the only input (no schema beside this route).
export const GET = apiHandler<Ctx>(async (_request, { params }) => {
  const { courseId, batchId } = await params;
  await requireCourseInstructor(courseId, "api");
  return NextResponse.json(await getRegradeBatch(courseId, batchId), { headers: { "cache-control": "no-store" } });
});

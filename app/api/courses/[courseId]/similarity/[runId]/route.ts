import { NextResponse } from "next/server";
import { requireCourseInstructor } from "@/lib/auth/require";
import { apiHandler } from "@/lib/http/api-handler";
import { getSimilarityRunStatus } from "@/lib/similarity/get-similarity-run";

type Ctx = { params: Promise<{ courseId: string; runId: string }> };

// Polled by the progress bar; the run id is the only input (no schema beside this route).
export const GET = apiHandler<Ctx>(async (_request, { params }) => {
  const { courseId, runId } = await params;
  await requireCourseInstructor(courseId, "api");
  return NextResponse.json(await getSimilarityRunStatus(courseId, runId), { headers: { "cache-control": "no-store" } });
});

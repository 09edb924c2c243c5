import { NextResponse } from "next/server";
import { requireCourseInstructor } from "@/lib/auth/require";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { startSimilarityRun } from "@/lib/similarity/start-similarity-run";
import { startSimilarityBody } from "./schema";

type Ctx = { params: Promise<{ courseId: string }> };

// Starts a similarity run in the background (ADR 022); the page polls /similarity/[runId].
export const POST = apiHandler<Ctx>(async (request, { params }) => {
  const { courseId } = await params;
  const { user } = await requireCourseInstructor(courseId, "api");
  const body = await readJson(request, startSimilarityBody, 4 * 1024);
  return NextResponse.json(await startSimilarityRun(user.id, courseId, body), { status: 202 });
});

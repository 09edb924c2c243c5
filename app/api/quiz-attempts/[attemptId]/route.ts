import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/require";
import { apiHandler } from "@/lib/http/api-handler";
import { getQuizAttempt } from "@/lib/quiz/attempts/get-quiz-attempt";

/** One attempt, for its owner or the course staff (answers only once submitted). */
export const GET = apiHandler<{ params: Promise<{ attemptId: string }> }>(async (_request, { params }) => {
  const user = await requireUser("api");
  const { attemptId } = await params;
  return NextResponse.json(await getQuizAttempt({ viewer: user, attemptId }), { headers: { "cache-control": "no-store" } });
});

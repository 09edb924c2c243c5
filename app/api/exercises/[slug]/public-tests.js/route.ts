import { requireUser } from "@/lib/auth/require";
import { apiHandler } from "@/lib/http/api-handler";
import { notFoundError } from "@/lib/http/api-error";
import { publicTestsScript } from "@/lib/workspace/bundling/public-tests-script";
import { readExerciseContent } from "@/lib/workspace/read-exercise-content";
import { exerciseParams } from "../../schema";

/** The exercise's public tests as a script for the browser's test worker (never the hidden ones). */
export const GET = apiHandler<{ params: Promise<{ slug: string }> }>(async (_request, { params }) => {
  await requireUser("api");
  const { slug } = exerciseParams.parse(await params);
  if (!readExerciseContent(slug, "en")) throw notFoundError("Exercise");
  return new Response(await publicTestsScript(slug), {
    headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "private, no-cache", "x-content-type-options": "nosniff" },
  });
});

import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/require";
import { apiHandler } from "@/lib/http/api-handler";
import { notFoundError } from "@/lib/http/api-error";
import { getReplayTest } from "@/lib/workspace/get-replay-test";
import { exerciseParams } from "../../schema";
import { replayQuery } from "./schema";

/** A graded counterexample's replay token and scenario, for "Replay in my browser". */
export const GET = apiHandler<{ params: Promise<{ slug: string }> }>(async (request, { params }) => {
  const user = await requireUser("api");
  const { slug } = exerciseParams.parse(await params);
  const query = replayQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const replay = await getReplayTest(user, query.submission, query.test);
  if (replay.exercise !== slug) throw notFoundError("Submission");
  return NextResponse.json(replay, { headers: { "cache-control": "no-store" } });
});

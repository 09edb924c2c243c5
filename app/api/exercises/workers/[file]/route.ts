import { apiHandler } from "@/lib/http/api-handler";
import { workerScript } from "@/lib/workspace/bundling/worker-script";
import { workerParams } from "./schema";

/**
 * The editor's Web Worker scripts (the test runner with the kernel, and the TypeScript
 * service). Public: they are the same code for everyone and hold no course content.
 */
export const GET = apiHandler<{ params: Promise<{ file: string }> }>(async (_request, { params }) => {
  const { file } = workerParams.parse(await params);
  return new Response(await workerScript(file), {
    headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=300", "x-content-type-options": "nosniff" },
  });
});

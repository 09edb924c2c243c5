/** Next.js calls register() once when the server starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startEmbeddedGrader } = await import("./lib/grader/start-embedded-grader");
  await startEmbeddedGrader();
}

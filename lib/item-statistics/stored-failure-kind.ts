/**
 * The failure class (lib/kernel/failure-class) of a stored failing test, read from its trace
 * JSON. The grader's report carries it per test, but the TestResult row keeps only the
 * trace (with `cause`, the class's step); a trace that also records `failureClass` gives its
 * kind, anything else reads as null ("unrecorded" in the statistics) rather than a guess.
 */
export function storedFailureKind(trace: unknown): string | null {
  if (!trace || typeof trace !== "object") return null;
  const fc = (trace as { failureClass?: { kind?: unknown } | null }).failureClass;
  return typeof fc?.kind === "string" && fc.kind.length <= 40 ? fc.kind : null;
}

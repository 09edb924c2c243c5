import { describe } from "vitest";
import { CHECK_HOLE_CASES, itScoresHonestly } from "./sealed-grader-cases";

/**
 * Issue #13, "Checks judge what the kernel observed": submissions that fake an exercise's
 * evidence (printed lines, counters in state the student controls, a replaced segment)
 * instead of doing the IPC must score what they deserve, not what their prints claim.
 */
describe("check holes: checks judge what the kernel observed, never what the program printed", () => {
  for (const c of CHECK_HOLE_CASES) itScoresHonestly(c);
});

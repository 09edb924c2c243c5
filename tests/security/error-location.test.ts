import { describe, expect, it } from "vitest";
import { gradeSource } from "@/lib/grader/grade-source";

/**
 * Runtime errors name the student's line (ADR 026): the harness reads stacks with SES's
 * `getStackString` and the kernel asks it for the line of every uncaught error. What a student
 * could try against that: reach the stack reader (or lockdown's other start-compartment
 * powers) from their own compartment, or throw something whose traps run while the kernel
 * describes it. Neither may give them anything: the reader stays out of reach, and a value
 * whose traps call the kernel has that call refused, with no line, in a graded report.
 */
const program = (body: string) => `
import { spawn, waitpid } from "ipc";
export async function main() {
${body}
}
export async function teller() {}
`;

/** The 1-based line of `program(body)` that contains `text`. */
const lineOf = (body: string, text: string) => program(body).split("\n").findIndex((l) => l.includes(text)) + 1;

async function failure(body: string): Promise<string> {
  const report = await gradeSource({ exercise: "fix-the-race", source: program(body) }, undefined, { log: () => {} });
  expect(report.verdict).toBe("graded");
  expect(report.score).toBe(0);
  const failed = report.tests.find((t) => !t.passed);
  expect(failed).toBeDefined();
  return failed!.message;
}

describe("error locations give student code nothing", () => {
  it("the stack reader and lockdown's powers are not reachable from the student's compartment", async () => {
    const body = `
  const g = globalThis as any;
  // SES gives every compartment lockdown and harden; calling lockdown again must change nothing.
  let again = "no-lockdown";
  try { g.lockdown?.(); again = "returned"; } catch { again = "refused"; }
  const frozen = Object.isFrozen(Object.prototype) && Object.isFrozen(Array.prototype);
  throw new Error("probe:" + [typeof g.getStackString, again, frozen].join(","));`;
    const message = await failure(body);
    // The stack reader stays the harness's: student code can't read other stacks (hidden checks' included).
    expect(message).toMatch(/probe:undefined,(no-lockdown|returned|refused),true/);
    // The throw's own line of the TypeScript, mapped through the source map.
    expect(message).toContain(`(line ${lineOf(body, 'throw new Error("probe:')})`);
  }, 60_000);

  it("a thrown Proxy whose traps call the kernel gets the call refused, and no line", async () => {
    const message = await failure(`
  const tried: string[] = [];
  throw new Proxy({}, {
    getPrototypeOf() {
      try { void spawn(teller, []); tried.push("spawn"); } catch { tried.push("refused"); }
      throw new Error("trap: " + tried.join(","));
    },
    get() { throw new Error("get trap"); },
  });`);
    // The kernel refuses the ipc call made while it was handling the error, and says so.
    expect(message).toContain("called ipc.spawn from code the kernel ran while handling an error");
    expect(message).not.toMatch(/\(line \d+\)/);
  }, 60_000);
});

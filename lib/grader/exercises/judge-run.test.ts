import { describe, expect, it } from "vitest";
import type { Snapshot } from "../../kernel";
import { judgeRuns } from "./judge-run";

const check = (s: Snapshot) => {
  if (s.output["1"] === "boom") throw new Error("unexpected shape");
  return s.output["1"] === "ok\n" ? null : `printed ${JSON.stringify(s.output["1"])}`;
};
const run = (output: string) => ({ output: { "1": output } });

describe("judgeRuns", () => {
  it("gives one verdict per run, in order", () => {
    const verdicts = JSON.parse(judgeRuns(check, JSON.stringify([run("ok\n"), run("no\n"), run("ok\n")])));
    expect(verdicts).toEqual([null, 'printed "no\\n"', null]);
  });

  it("fails only the run whose check throws, with the reason", () => {
    const verdicts = JSON.parse(judgeRuns(check, JSON.stringify([run("boom"), run("ok\n")])));
    expect(verdicts[0]).toMatch(/could not be checked \(unexpected shape\)/);
    expect(verdicts[1]).toBeNull();
  });

  it("passes every run of a test without a check", () => {
    expect(JSON.parse(judgeRuns(undefined, JSON.stringify([run("x"), run("y")])))).toEqual([null, null]);
  });

  it("answers malformed input with a failure instead of throwing", () => {
    for (const input of ["{", "{}", "null"]) expect(JSON.parse(judgeRuns(check, input))[0]).toMatch(/malformed/);
  });
});

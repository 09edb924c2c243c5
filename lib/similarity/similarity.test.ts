import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { EXERCISES_DIR } from "../grader/exercises/load-exercise";
import { behaviourFeatures, compareBehaviour, FeatureTable, type BehaviourFeatures } from "./behaviour-fingerprint";
import { probeBehaviour } from "./behaviour-trace";
import { clusters, compareSubmissions, referenceOnly } from "./compare-submissions";
import { allTokenScores, matchingRegions, tokenFingerprints } from "./token-similarity";
import { SEMAPHORE_SOLUTION } from "@/tests/helpers/similarity-variants";

const read = (slug: string, file: string) => fs.readFileSync(path.join(EXERCISES_DIR, slug, file), "utf8");
const starter = read("fix-the-race", "starter.ts");
const solution = read("fix-the-race", "solution.ts");

/** The solution with every name of the student's own changed: what a copier does first. */
const renamed = solution
  .replace(/ACCOUNT_KEY/g, "BANK")
  .replace(/tellers/g, "clerks")
  .replace(/teller/g, "clerk")
  .replace(/\block\b/g, "guard")
  .replace(/account/g, "vault")
  .replace(/amount/g, "delta")
  .replace(/balance/g, "money")
  .replace(/apply/g, "change")
  .replace(/pids/g, "children")
  .replace(/\/\/.*$/gm, "// mine");

/** The solution with its functions in another order. */
function reorder(source: string): string {
  const parts = source.split(/\n(?=export async function|async function)/);
  return [parts[0], ...parts.slice(1).reverse()].join("\n");
}
const reordered = reorder(solution);

/** Another correct solution, written independently: a System V semaphore instead of the mutex (shared with the bench and integration tests). */
const independent = SEMAPHORE_SOLUTION;

function tokenScore(a: string, b: string, withStarter: string | null = starter): number {
  const fp = tokenFingerprints(
    [
      { id: "a", source: a },
      { id: "b", source: b },
    ],
    withStarter,
  );
  return allTokenScores(fp)(0, 1);
}

describe("token similarity (Dolos winnowing, starter excluded)", () => {
  it("sees a renamed copy as the same program", () => {
    expect(renamed).not.toBe(solution);
    expect(tokenScore(solution, renamed)).toBeGreaterThan(0.95);
  });

  it("sees a copy with its functions reordered as nearly the same", () => {
    expect(reordered).not.toBe(solution);
    expect(tokenScore(solution, reordered)).toBeGreaterThan(0.7);
  });

  it("gives the starter alone nothing: all of it is excluded", () => {
    expect(tokenScore(starter, starter)).toBe(0);
    // Without the exclusion the starter matches itself completely: the exclusion is what does it.
    expect(tokenScore(starter, starter, null)).toBe(1);
    // Two students who both handed in the starter with the same small fix share only that fix.
    expect(tokenScore(starter, solution)).toBeLessThan(0.3);
  });

  it("keeps independent correct solutions apart", () => {
    expect(tokenScore(solution, independent)).toBeLessThan(0.3);
  });

  it("finds the matching regions of a copy on both sides", () => {
    const { similarity, regions } = matchingRegions(solution, renamed, starter);
    expect(similarity).toBeGreaterThan(0.95);
    expect(regions.length).toBeGreaterThan(0);
    // The lock the starter lacks is inside a matching region on both sides.
    const lockLine = (src: string) => src.split("\n").findIndex((l) => /mutex_lock\(/.test(l));
    const covers = (r: [number, number, number, number], line: number) => r[0] <= line && line <= r[2];
    expect(regions.some((r) => covers(r.left, lockLine(solution)) && covers(r.right, lockLine(renamed)))).toBe(true);
  });
});

describe("behaviour similarity (what the kernel recorded)", () => {
  const features = new Map<string, BehaviourFeatures>();
  beforeAll(async () => {
    for (const [name, src] of Object.entries({ solution, renamed, reordered, independent, starter })) {
      const runs = await probeBehaviour("fix-the-race", src);
      expect(runs, name).not.toBeNull();
      features.set(name, behaviourFeatures(runs!));
    }
  }, 60_000);

  const compare = (a: string, b: string, reference: string | null = null) => {
    const table = new FeatureTable();
    return compareBehaviour(table.pack(features.get(a)!)!, table.pack(features.get(b)!)!, reference ? table.pack(features.get(reference)!) : null);
  };

  it("records IPC calls with object kinds, never names", () => {
    const keys = Object.keys(features.get("solution")!);
    expect(keys.some((k) => k.endsWith("|mutex_lock"))).toBe(true);
    expect(keys.some((k) => k.includes("hold:-&gt;") || k.includes("hold:->mutex"))).toBe(true);
    expect(keys.join(" ")).not.toMatch(/account|teller|4660/);
  });

  it("survives renaming and reordering: the same behaviour", () => {
    expect(compare("solution", "renamed").score).toBe(1);
    expect(compare("solution", "reordered").score).toBe(1);
  });

  it("tells a semaphore solution from the mutex one, and both from the starter", () => {
    expect(compare("solution", "independent").score).toBeLessThan(0.6);
    expect(compare("solution", "starter").score).toBeLessThan(0.6);
  });

  it("says when a pair only matches the reference structure", () => {
    const copy = compare("renamed", "reordered", "solution");
    expect(copy.score).toBe(1);
    expect(copy.beyondReference).toBe(0);
    // Two unlocked starters share a behaviour the reference does not have: the race.
    const starters = compare("starter", "starter", "solution");
    expect(referenceOnly(starters)).toBe(false);
  });

  it("ranks the copies first and keeps independent solutions and the starter out of their cluster", async () => {
    const subs = [
      { id: "s1", userId: "u1", source: solution, behaviour: features.get("solution")!, final: true },
      { id: "s2", userId: "u2", source: renamed, behaviour: features.get("renamed")!, final: true },
      { id: "s3", userId: "u3", source: independent, behaviour: features.get("independent")!, final: true },
      { id: "s4", userId: "u4", source: starter, behaviour: features.get("starter")!, final: true },
      { id: "s5", userId: "u1", source: reordered, behaviour: features.get("reordered")!, final: false },
    ];
    const { pairsCompared, pairs } = await compareSubmissions(subs, { starter, reference: features.get("solution")! });
    expect(pairsCompared).toBe(9); // 10 pairs less u1's own two attempts
    expect([pairs[0].leftId, pairs[0].rightId].sort()).toEqual(["s1", "s2"]);
    expect(pairs[0].tokenScore).toBeGreaterThan(0.95);
    expect(referenceOnly(pairs[0])).toBe(true);
    const strong = pairs.filter((p) => p.tokenScore >= 0.5);
    const groups = clusters(strong);
    expect(groups[0].sort()).toEqual(["s1", "s2", "s5"]);
    expect(groups.flat()).not.toContain("s3");
    expect(groups.flat()).not.toContain("s4");
  });
});

import { compareBehaviour, FeatureTable, type BehaviourFeatures } from "./behaviour-fingerprint";
import { allTokenScores, tokenFingerprints } from "./token-similarity";

export type ComparedSubmission = {
  id: string;
  userId: string;
  source: string;
  /** Its behaviour fingerprint; null when it has none (did not compile, hit a limit). */
  behaviour: BehaviourFeatures | null;
  /** Whether it is the student's submission that counts. */
  final: boolean;
};

export type ScoredPair = {
  leftId: string;
  rightId: string;
  tokenScore: number;
  behaviourScore: number | null;
  beyondReference: number | null;
  bothFinal: boolean;
};

/** Below these a pair is not worth an instructor's look, whatever else it scores. */
export const MIN_TOKEN_SCORE = 0.1;
export const MIN_BEHAVIOUR_SCORE = 0.5;
/** A pair whose common behaviour is at least 90 % the reference's only matches the reference structure. */
export const REFERENCE_ONLY_BELOW = 0.1;
/** How many pairs a run keeps, per ranking (see keepPairs). */
export const KEEP_BY_TOKENS = 1000;
export const KEEP_BY_BEHAVIOUR = 1000;
export const KEEP_REFERENCE_ONLY = 300;

export type CompareOptions = {
  starter: string | null;
  reference: BehaviourFeatures | null;
  /** Called every few rows with pairs done and pairs in all; awaited, so the caller can yield or record progress. */
  onProgress?: (done: number, total: number) => Promise<void> | void;
};

/**
 * Scores every pair of submissions by two different students: Dolos's token similarity
 * (starter excluded) and the weighted Jaccard of their behaviour fingerprints, with how
 * much of the common behaviour goes beyond the reference solution's. Returns how many
 * pairs were compared and the ones kept (see keepPairs).
 */
export async function compareSubmissions(subs: ComparedSubmission[], options: CompareOptions): Promise<{ pairsCompared: number; pairs: ScoredPair[] }> {
  const tokens = tokenFingerprints(
    subs.map((s) => ({ id: s.id, source: s.source })),
    options.starter,
  );
  const tokenScore = allTokenScores(tokens);
  const table = new FeatureTable();
  const reference = table.pack(options.reference);
  const behaviour = subs.map((s) => table.pack(s.behaviour));
  const n = subs.length;
  const total = (n * (n - 1)) / 2;
  const candidates: ScoredPair[] = [];
  let done = 0;
  let compared = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (subs[i].userId === subs[j].userId) continue; // a student's own attempts are not a finding
      compared++;
      const t = tokenScore(i, j);
      const a = behaviour[i];
      const b = behaviour[j];
      const c = a && b ? compareBehaviour(a, b, reference) : null;
      if (t < MIN_TOKEN_SCORE && (!c || c.score < MIN_BEHAVIOUR_SCORE)) continue;
      candidates.push({
        leftId: subs[i].id,
        rightId: subs[j].id,
        tokenScore: t,
        behaviourScore: c ? c.score : null,
        beyondReference: c ? c.beyondReference : null,
        bothFinal: subs[i].final && subs[j].final,
      });
    }
    done += n - 1 - i;
    if (options.onProgress && (i % 16 === 15 || i === n - 1)) await options.onProgress(done, total);
  }
  return { pairsCompared: compared, pairs: keepPairs(candidates) };
}

export const referenceOnly = (p: Pick<ScoredPair, "beyondReference">) => p.beyondReference !== null && p.beyondReference < REFERENCE_ONLY_BELOW;

/**
 * The pairs a run stores: the highest by token score, the highest by behaviour among pairs
 * whose common behaviour goes beyond the reference's, and a few reference-only ones (so the
 * filter that hides them has something to hide). With 500 correct solutions nearly every
 * pair behaves like the reference; keeping them all would bury the few that matter.
 */
export function keepPairs(candidates: ScoredPair[]): ScoredPair[] {
  const kept = new Set<ScoredPair>();
  const take = (list: ScoredPair[], by: (p: ScoredPair) => number, count: number) => {
    list.sort((a, b) => by(b) - by(a));
    for (const p of list.slice(0, count)) kept.add(p);
  };
  take(candidates.filter((p) => p.tokenScore >= MIN_TOKEN_SCORE), (p) => p.tokenScore, KEEP_BY_TOKENS);
  take(candidates.filter((p) => p.behaviourScore !== null && p.behaviourScore >= MIN_BEHAVIOUR_SCORE && !referenceOnly(p)), (p) => p.behaviourScore!, KEEP_BY_BEHAVIOUR);
  take(candidates.filter((p) => p.behaviourScore !== null && p.behaviourScore >= MIN_BEHAVIOUR_SCORE && referenceOnly(p)), (p) => p.behaviourScore!, KEEP_REFERENCE_ONLY);
  return [...kept].sort((a, b) => Math.max(b.tokenScore, b.behaviourScore ?? 0) - Math.max(a.tokenScore, a.behaviourScore ?? 0));
}

/**
 * Clusters: the connected groups of submissions linked by the given pairs (those the view
 * shows after its filters), largest first. A group of three or more says more than any pair.
 */
export function clusters(pairs: Array<Pick<ScoredPair, "leftId" | "rightId">>): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    while (parent.get(x) !== root) {
      const next = parent.get(x)!;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  for (const p of pairs) {
    for (const id of [p.leftId, p.rightId]) if (!parent.has(id)) parent.set(id, id);
    const [a, b] = [find(p.leftId), find(p.rightId)];
    if (a !== b) parent.set(a, b);
  }
  const groups = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    const g = groups.get(root);
    if (g) g.push(id);
    else groups.set(root, [id]);
  }
  return [...groups.values()].sort((a, b) => b.length - a.length);
}

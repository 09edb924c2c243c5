import { FingerprintIndex, type Fragment } from "@dodona/dolos-core";
import { tokenize } from "./tokenize";

/** Dolos's defaults (its CLI's `-k 23 -w 17`): a k-gram of 23 tokens, one fingerprint per window of 17 k-grams at least. */
export const KGRAM_LENGTH = 23;
export const KGRAMS_IN_WINDOW = 17;

export type TokenSource = { id: string; source: string };

/**
 * Each file's winnowed fingerprints as Dolos computes them, with the starter's excluded:
 * `kgrams` counts the file's k-grams whose fingerprint is not the starter's, and
 * `counts` how many of those each fingerprint has (fingerprints are small integers here,
 * numbered in order of first appearance, so pairs compare with array lookups).
 */
export type TokenFingerprints = { ids: string[]; kgrams: number[]; counts: Array<Map<number, number>> };

export function tokenFingerprints(files: TokenSource[], starter: string | null): TokenFingerprints {
  const index = new FingerprintIndex(KGRAM_LENGTH, KGRAMS_IN_WINDOW);
  const tokenized = files.map((f) => tokenize(f.id, f.source));
  index.addFiles(tokenized);
  // Dolos's template exclusion: every fingerprint of the starter is ignored in every file.
  // After the files: Dolos ignores a starter's fingerprint only in files already indexed.
  if (starter !== null) index.addIgnoredFile(tokenize("starter", starter));
  const number = new Map<number, number>();
  const counts: Array<Map<number, number>> = [];
  const kgrams: number[] = [];
  for (const entry of index.entries()) {
    const mine = new Map<number, number>();
    let total = 0;
    for (const shared of entry.shared) {
      let n = number.get(shared.hash);
      if (n === undefined) number.set(shared.hash, (n = number.size));
      const occurrences = shared.occurrencesOf(entry.file).length;
      mine.set(n, occurrences);
      total += occurrences;
    }
    counts.push(mine);
    kgrams.push(total);
  }
  return { ids: files.map((f) => f.id), kgrams, counts };
}

/**
 * Dolos's pair similarity, (covered left + covered right) / (left + right): the share of
 * both files' k-grams whose fingerprint the other file has too, the starter's k-grams left
 * out of numerator and denominator. Computed for all pairs at once from an inverted index
 * (fingerprint → files), so pairs that share nothing cost nothing: `score(i, j)` for i < j.
 */
export function allTokenScores(fp: TokenFingerprints): (i: number, j: number) => number {
  const n = fp.ids.length;
  const postings = new Map<number, number[]>();
  fp.counts.forEach((m, file) => {
    for (const hash of m.keys()) {
      let list = postings.get(hash);
      if (!list) postings.set(hash, (list = []));
      list.push(file);
    }
  });
  // covered[i * n + j] (i < j): k-grams of i covered by j plus k-grams of j covered by i.
  const covered = new Float32Array(n * n);
  for (const [hash, files] of postings) {
    if (files.length < 2) continue;
    for (let a = 0; a < files.length; a++) {
      const i = files[a];
      const ci = fp.counts[i].get(hash)!;
      for (let b = a + 1; b < files.length; b++) {
        const j = files[b];
        covered[i * n + j] += ci + fp.counts[j].get(hash)!;
      }
    }
  }
  return (i, j) => {
    const total = fp.kgrams[i] + fp.kgrams[j];
    return total === 0 ? 0 : covered[i * n + j] / total;
  };
}

export type MatchRegion = { left: [number, number, number, number]; right: [number, number, number, number] };

/**
 * The matching regions of one pair, for the side-by-side view: Dolos's fragments (runs of
 * consecutive shared k-grams), starter excluded, as [startRow, startCol, endRow, endCol] in
 * each source (0-based rows and columns).
 */
export function matchingRegions(left: string, right: string, starter: string | null): { similarity: number; regions: MatchRegion[] } {
  const index = new FingerprintIndex(KGRAM_LENGTH, KGRAMS_IN_WINDOW);
  const [l, r] = [tokenize("left", left), tokenize("right", right)];
  index.addFiles([l, r]);
  if (starter !== null) index.addIgnoredFile(tokenize("starter", starter));
  const pair = index.getPair(l, r);
  const region = (s: Fragment["leftSelection"]): [number, number, number, number] => [s.startRow, s.startCol, s.endRow, s.endCol];
  const fp = tokenFingerprints(
    [
      { id: "left", source: left },
      { id: "right", source: right },
    ],
    starter,
  );
  return {
    similarity: allTokenScores(fp)(0, 1),
    regions: pair.buildFragments().map((f) => ({ left: region(f.leftSelection), right: region(f.rightSelection) })),
  };
}

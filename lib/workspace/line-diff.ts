export type DiffLine = { op: "same" | "add" | "del"; text: string };

/** Beyond this many cells the LCS table is too big for a browser tab; the diff degrades to replace-all. */
const MAX_CELLS = 4_000_000;

/**
 * A line diff of two sources (longest common subsequence), for the submission history:
 * small files, so the quadratic table is fine and the output is the familiar unified one.
 * Common leading and trailing lines are peeled off first, which keeps the table tiny for
 * the usual small edits.
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split("\n");
  const b = after.split("\n");
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const head: DiffLine[] = a.slice(0, start).map((text) => ({ op: "same", text }));
  const tail: DiffLine[] = a.slice(endA).map((text) => ({ op: "same", text }));
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  if (x.length * y.length > MAX_CELLS) {
    return [...head, ...x.map((text) => ({ op: "del" as const, text })), ...y.map((text) => ({ op: "add" as const, text })), ...tail];
  }
  // lcs[i][j] = length of the LCS of x[i..] and y[j..]
  const lcs = Array.from({ length: x.length + 1 }, () => new Uint32Array(y.length + 1));
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const middle: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      middle.push({ op: "same", text: x[i] });
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) middle.push({ op: "del", text: x[i++] });
    else middle.push({ op: "add", text: y[j++] });
  }
  while (i < x.length) middle.push({ op: "del", text: x[i++] });
  while (j < y.length) middle.push({ op: "add", text: y[j++] });
  return [...head, ...middle, ...tail];
}

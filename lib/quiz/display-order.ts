/**
 * The order in which one attempt shows a question's choices, derived from the attempt's
 * per-question seed alone, so a reload shows the same order and no order is stored.
 *
 *  - single / multiple: the options are shuffled, except those marked `pinLast` ("all of
 *    the above"), which follow in bank order, and all of them when the question says
 *    `fixedOrder`. Authors tend to write the right answer first; without the shuffle
 *    "always pick the first option" scored about 97 % on the bank's fixed choice questions.
 *  - ordering: the items are shuffled and never shown already solved.
 *  - matching: both columns are shuffled.
 *
 * Responses name ids, never positions, so grading does not depend on this order.
 */
import type { ResolvedQuestion } from "./resolve-question";
import { createRng } from "./rng";

/** Shuffle stream independent from the generator's use of the same seed. */
const SHUFFLE_SALT = 0x9e3779b9;

export type DisplayOrder =
  | { type: "single" | "multiple"; options: string[] }
  | { type: "ordering"; items: string[] }
  | { type: "matching"; left: string[]; right: string[] }
  | { type: "truefalse" | "numeric" | "code-output" };

export function displayOrder(q: ResolvedQuestion, seed: number): DisplayOrder {
  const rng = createRng((seed ^ SHUFFLE_SALT) >>> 0);
  const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id);
  switch (q.type) {
    case "single":
    case "multiple": {
      if (q.fixedOrder) return { type: q.type, options: ids(q.options) };
      const free = q.options.filter((o) => !o.pinLast);
      const pinned = q.options.filter((o) => o.pinLast);
      return { type: q.type, options: [...ids(rng.shuffle(free)), ...ids(pinned)] };
    }
    case "ordering": {
      let items = ids(rng.shuffle(q.items));
      // A solved order would be a free answer: rotate it by one (still a seed-only function).
      if (items.every((id, i) => id === q.answer[i])) items = [...items.slice(1), ...items.slice(0, 1)];
      return { type: "ordering", items };
    }
    case "matching": {
      // Right first: the same seed keeps showing the right column it showed before the left one was shuffled too.
      const right = ids(rng.shuffle(q.right));
      return { type: "matching", left: ids(rng.shuffle(q.left)), right };
    }
    default:
      return { type: q.type };
  }
}

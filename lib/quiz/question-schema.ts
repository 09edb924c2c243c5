/**
 * Zod schemas and types for the question bank (`content/questions/*.json`).
 *
 * Two shapes of question exist:
 *  - a *fixed* question carries its answer in the JSON;
 *  - a *generated* (parametrized) question names a generator in
 *    `lib/quiz/generators/`; prompt details, answer (and, for `single`, the
 *    options) come from `generator.generate(seed)`. See `resolve-question.ts`.
 *
 * Objects are strict: an unknown key (say a misspelt "explaination") is an
 * error rather than silently ignored content.
 */
import { z } from "zod";
import { TOPIC_IDS } from "./topics";

export const QUESTION_TYPES = [
  "single",
  "multiple",
  "truefalse",
  "ordering",
  "matching",
  "numeric",
  "code-output",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Types that may be parametrized by a generator instead of a fixed answer. */
export const GENERATABLE_TYPES = ["numeric", "code-output", "single"] as const;
export type GeneratableType = (typeof GENERATABLE_TYPES)[number];

const nonEmpty = z.string().refine((s) => s.trim().length > 0, { message: "must not be empty" });

/** Text in both course languages; neither may be empty. Markdown allowed. */
export const LocalizedTextSchema = z.strictObject({ ko: nonEmpty, en: nonEmpty });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: "must be kebab-case (a-z, 0-9, '-')" });
/** Ids of options / items / matching sides: short, no spaces. */
const localId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, { message: "must match [A-Za-z0-9_-]{1,40}" });

export const TopicSchema = z.enum(TOPIC_IDS);

export const OptionSchema = z.strictObject({
  id: localId,
  text: LocalizedTextSchema,
  /** Why this option is right or wrong; shown after submission. */
  explanation: LocalizedTextSchema,
  /**
   * Shown after the shuffled options, in bank order ("all of the above", "none of these"):
   * options are otherwise shuffled per attempt (`display-order.ts`).
   */
  pinLast: z.literal(true).optional(),
});
export type QuestionOption = z.infer<typeof OptionSchema>;

export const ItemSchema = z.strictObject({ id: localId, text: LocalizedTextSchema });
export type QuestionItem = z.infer<typeof ItemSchema>;

const baseShape = {
  id: kebabId,
  topic: TopicSchema,
  prompt: LocalizedTextSchema,
  /** Overall explanation, shown after submission. Required. */
  explanation: LocalizedTextSchema,
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  points: z.number().positive().max(100).optional(),
};

const options = z.array(OptionSchema).min(2).max(6);
/**
 * The options are shown in bank order, unshuffled: for a scale ("0, 1, 2, more") whose order
 * is part of the question. The correct answer then sits where the author put it, which
 * content:check reports.
 */
const fixedOrder = z.literal(true).optional();

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return [...dup];
}

type Ctx = z.core.$RefinementCtx<unknown>;
function issue(ctx: Ctx, path: (string | number)[], message: string): void {
  ctx.addIssue({ code: "custom", message, path });
}
function checkUnique(ctx: Ctx, ids: readonly string[], path: string): void {
  for (const d of duplicates(ids)) issue(ctx, [path], `duplicate id "${d}" in ${path}`);
}

export const SingleQuestionSchema = z
  .strictObject({ ...baseShape, type: z.literal("single"), options, fixedOrder, answer: localId })
  .superRefine((q, ctx) => {
    checkUnique(ctx, q.options.map((o) => o.id), "options");
    if (!q.options.some((o) => o.id === q.answer)) issue(ctx, ["answer"], `answer "${q.answer}" is not an option id`);
  });

export const MultipleQuestionSchema = z
  .strictObject({ ...baseShape, type: z.literal("multiple"), options, fixedOrder, answers: z.array(localId).min(1) })
  .superRefine((q, ctx) => {
    const ids = q.options.map((o) => o.id);
    checkUnique(ctx, ids, "options");
    checkUnique(ctx, q.answers, "answers");
    for (const a of q.answers) if (!ids.includes(a)) issue(ctx, ["answers"], `answer "${a}" is not an option id`);
  });

export const TrueFalseQuestionSchema = z.strictObject({
  ...baseShape,
  type: z.literal("truefalse"),
  answer: z.boolean(),
});

export const OrderingQuestionSchema = z
  .strictObject({
    ...baseShape,
    type: z.literal("ordering"),
    items: z.array(ItemSchema).min(2).max(10),
    answer: z.array(localId),
  })
  .superRefine((q, ctx) => {
    const ids = q.items.map((i) => i.id);
    checkUnique(ctx, ids, "items");
    const sortedItems = [...ids].sort();
    const sortedAnswer = [...q.answer].sort();
    if (sortedItems.length !== sortedAnswer.length || sortedItems.some((id, i) => id !== sortedAnswer[i])) {
      issue(ctx, ["answer"], "answer must be a permutation of the item ids");
    }
  });

export const MatchingQuestionSchema = z
  .strictObject({
    ...baseShape,
    type: z.literal("matching"),
    left: z.array(ItemSchema).min(2).max(10),
    right: z.array(ItemSchema).min(2).max(12),
    answer: z.record(z.string(), localId),
  })
  .superRefine((q, ctx) => {
    const leftIds = q.left.map((i) => i.id);
    const rightIds = q.right.map((i) => i.id);
    checkUnique(ctx, leftIds, "left");
    checkUnique(ctx, rightIds, "right");
    checkUnique(ctx, [...leftIds, ...rightIds], "left+right");
    for (const l of leftIds) if (!(l in q.answer)) issue(ctx, ["answer"], `left id "${l}" has no answer`);
    for (const [l, r] of Object.entries(q.answer)) {
      if (!leftIds.includes(l)) issue(ctx, ["answer"], `answer key "${l}" is not a left id`);
      if (!rightIds.includes(r)) issue(ctx, ["answer"], `answer value "${r}" is not a right id`);
    }
  });

export const NumericQuestionSchema = z.strictObject({
  ...baseShape,
  type: z.literal("numeric"),
  answer: z.number().finite(),
  tolerance: z.number().min(0).optional(),
  unit: LocalizedTextSchema.optional(),
});

export const CodeOutputQuestionSchema = z.strictObject({
  ...baseShape,
  type: z.literal("code-output"),
  code: nonEmpty,
  answer: z.string(),
  acceptAlternatives: z.array(z.string()).optional(),
});

export const FixedQuestionSchema = z.discriminatedUnion("type", [
  SingleQuestionSchema,
  MultipleQuestionSchema,
  TrueFalseQuestionSchema,
  OrderingQuestionSchema,
  MatchingQuestionSchema,
  NumericQuestionSchema,
  CodeOutputQuestionSchema,
]);

/**
 * A parametrized question. `prompt` is a lead-in shown above the generated
 * prompt; `explanation` is shown above the generated, variant-specific
 * worked solution. Numeric `unit` may be given here or by the generator.
 */
export const GeneratedQuestionSchema = z.strictObject({
  ...baseShape,
  type: z.enum(GENERATABLE_TYPES),
  generator: kebabId,
});

export type SingleQuestion = z.infer<typeof SingleQuestionSchema>;
export type MultipleQuestion = z.infer<typeof MultipleQuestionSchema>;
export type TrueFalseQuestion = z.infer<typeof TrueFalseQuestionSchema>;
export type OrderingQuestion = z.infer<typeof OrderingQuestionSchema>;
export type MatchingQuestion = z.infer<typeof MatchingQuestionSchema>;
export type NumericQuestion = z.infer<typeof NumericQuestionSchema>;
export type CodeOutputQuestion = z.infer<typeof CodeOutputQuestionSchema>;
export type FixedQuestion = z.infer<typeof FixedQuestionSchema>;
export type GeneratedQuestion = z.infer<typeof GeneratedQuestionSchema>;
export type Question = FixedQuestion | GeneratedQuestion;

export function isGenerated(q: Question): q is GeneratedQuestion {
  return "generator" in q && typeof q.generator === "string";
}

/**
 * Parses one raw question. The shape is chosen by the presence of a
 * `generator` key so that error messages talk about the right schema
 * (a plain z.union would report the failures of every branch).
 */
export function parseQuestion(raw: unknown): z.ZodSafeParseResult<Question> {
  const generated = typeof raw === "object" && raw !== null && "generator" in raw;
  return generated ? GeneratedQuestionSchema.safeParse(raw) : FixedQuestionSchema.safeParse(raw);
}

/** Default points of a question when `points` is absent. */
export function pointsOf(q: { points?: number | undefined }): number {
  return q.points ?? 1;
}

/** One readable line per zod issue: `path: message`. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`);
}

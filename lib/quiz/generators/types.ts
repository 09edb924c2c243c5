/**
 * Contract of a question generator (parametrized question). A generator is
 * deterministic in its seed: `generate(s)` twice gives deep-equal variants.
 *
 * `params` are the public, already-visible parameters of the variant (the
 * browser may receive them; they must not contain the answer). `prompt` is
 * the variant-specific text shown under the question's own prompt, and
 * `explanation` the variant-specific worked solution shown after submission.
 */
import { z } from "zod";
import { LocalizedTextSchema, OptionSchema } from "../question-schema";

const params = z.record(z.string(), z.unknown());

export const GeneratedVariantSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("numeric"),
    params,
    prompt: LocalizedTextSchema,
    explanation: LocalizedTextSchema,
    answer: z.number().finite(),
    tolerance: z.number().min(0).optional(),
    unit: LocalizedTextSchema.optional(),
  }),
  z.strictObject({
    type: z.literal("code-output"),
    params,
    prompt: LocalizedTextSchema,
    explanation: LocalizedTextSchema,
    code: z.string().min(1),
    answer: z.string(),
    acceptAlternatives: z.array(z.string()).optional(),
  }),
  z
    .strictObject({
      type: z.literal("single"),
      params,
      prompt: LocalizedTextSchema,
      explanation: LocalizedTextSchema,
      options: z.array(OptionSchema).min(2).max(6),
      answer: z.string(),
    })
    .refine((v) => v.options.some((o) => o.id === v.answer), { message: "answer is not an option id" }),
]);
export type GeneratedVariant = z.infer<typeof GeneratedVariantSchema>;
export type GeneratedNumericVariant = Extract<GeneratedVariant, { type: "numeric" }>;
export type GeneratedCodeOutputVariant = Extract<GeneratedVariant, { type: "code-output" }>;
export type GeneratedSingleVariant = Extract<GeneratedVariant, { type: "single" }>;

export interface QuestionGenerator<V extends GeneratedVariant = GeneratedVariant> {
  readonly id: string;
  readonly type: V["type"];
  /** One line for authors: what the generator asks. */
  readonly description: string;
  generate(seed: number): V;
  /**
   * Asynchronous work `generate(seed)` depends on (running the simulated
   * kernel); awaited by `prepareQuestions` before a variant is generated.
   */
  prepare?(seed: number): Promise<void>;
  /** An independent implementation whose answers must agree (checked by content:check). */
  readonly reference?: QuestionGenerator<V>;
}

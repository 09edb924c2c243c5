/**
 * What the browser submits for one question. The `type` tag must match the
 * question's type; `parseResponse` also checks the ids against the question,
 * so graders only ever see well-formed responses.
 */
import { z } from "zod";
import type { ResolvedQuestion } from "./resolve-question";

export const ResponseSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("single"), optionId: z.string().max(100) }),
  z.strictObject({ type: z.literal("multiple"), optionIds: z.array(z.string().max(100)).max(20) }),
  z.strictObject({ type: z.literal("truefalse"), value: z.boolean() }),
  z.strictObject({ type: z.literal("ordering"), order: z.array(z.string().max(100)).max(20) }),
  /** Unanswered left ids may be omitted; they score as wrong. */
  z.strictObject({ type: z.literal("matching"), pairs: z.record(z.string().max(100), z.string().max(100)) }),
  z.strictObject({ type: z.literal("numeric"), value: z.number().finite() }),
  z.strictObject({ type: z.literal("code-output"), output: z.string().max(20_000) }),
]);
export type QuestionResponse = z.infer<typeof ResponseSchema>;

/** Thrown by the graders when a submitted response is malformed. */
export class InvalidResponseError extends Error {
  readonly questionId: string;
  readonly issues: string[];
  constructor(questionId: string, issues: string[]) {
    super(`Invalid response for question "${questionId}": ${issues.join("; ")}`);
    this.name = "InvalidResponseError";
    this.questionId = questionId;
    this.issues = issues;
  }
}

export type ParseResponseResult =
  | { ok: true; response: QuestionResponse }
  | { ok: false; error: InvalidResponseError };

/** Validates `raw` against the response schema and against the question's ids. */
export function parseResponse(question: ResolvedQuestion, raw: unknown): ParseResponseResult {
  const fail = (issues: string[]): ParseResponseResult => ({
    ok: false,
    error: new InvalidResponseError(question.id, issues),
  });
  const parsed = ResponseSchema.safeParse(raw);
  if (!parsed.success) {
    return fail(parsed.error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`));
  }
  const r = parsed.data;
  if (r.type !== question.type) return fail([`expected a "${question.type}" response, got "${r.type}"`]);

  const problems: string[] = [];
  if (r.type === "single" && question.type === "single") {
    if (!question.options.some((o) => o.id === r.optionId)) problems.push(`unknown option id "${r.optionId}"`);
  } else if (r.type === "multiple" && question.type === "multiple") {
    const ids = new Set(question.options.map((o) => o.id));
    for (const id of r.optionIds) if (!ids.has(id)) problems.push(`unknown option id "${id}"`);
    if (new Set(r.optionIds).size !== r.optionIds.length) problems.push("option ids must not repeat");
  } else if (r.type === "ordering" && question.type === "ordering") {
    const ids = question.items.map((i) => i.id).sort();
    const got = [...r.order].sort();
    if (ids.length !== got.length || ids.some((id, i) => id !== got[i])) {
      problems.push("order must list every item id exactly once");
    }
  } else if (r.type === "matching" && question.type === "matching") {
    const left = new Set(question.left.map((i) => i.id));
    const right = new Set(question.right.map((i) => i.id));
    for (const [l, rr] of Object.entries(r.pairs)) {
      if (!left.has(l)) problems.push(`unknown left id "${l}"`);
      if (!right.has(rr)) problems.push(`unknown right id "${rr}"`);
    }
  }
  return problems.length ? fail(problems) : { ok: true, response: r };
}

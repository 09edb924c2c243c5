import { db } from "../db";

const parse = (json: string | null): unknown => {
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
};

/**
 * Reads rows page by page in a stable order, each page starting after the last row of the one
 * before (by its sort key, not by a cursor on that row, so a row deleted meanwhile cannot end
 * the export early). A course with tens of thousands of submissions never sits in memory at once.
 */
async function* pages<T>(pageSize: number, read: (after: T | undefined) => Promise<T[]>): AsyncGenerator<T> {
  let after: T | undefined;
  for (;;) {
    const rows = await read(after);
    yield* rows;
    if (rows.length < pageSize) return;
    after = rows.at(-1);
  }
}

/** Rows after `row` in (time, id) order. */
const afterRow = <K extends string>(key: K, row: ({ id: string } & Record<K, Date>) | undefined) =>
  row ? { OR: [{ [key]: { gt: row[key] } }, { [key]: row[key], id: { gt: row.id } }] } : {};

async function* mapRows<T, U>(rows: AsyncIterable<T>, f: (row: T) => U): AsyncGenerator<U> {
  for await (const row of rows) yield f(row);
}

/** `"key": [row, row, …]` with one row per line. */
async function* jsonArray(key: string, rows: Iterable<unknown> | AsyncIterable<unknown>): AsyncGenerator<string> {
  yield `,\n${JSON.stringify(key)}: [`;
  let first = true;
  for await (const row of rows) {
    yield `${first ? "" : ","}\n  ${JSON.stringify(row)}`;
    first = false;
  }
  yield "\n]";
}

/**
 * Everything one course holds, as a JSON document streamed in pieces (backups, research,
 * moving between instances): the course, its members (never password hashes or OAuth
 * identities), assignments, extensions, submissions with source and per-test results (traces
 * included), quiz attempts with answers, overrides, regrade batches and the audit log. Only
 * rows of this course. Submissions and attempts are read a page at a time, as the reader
 * consumes the stream (`pageSize` rows per query: their sources and traces make them the
 * bulk of a course).
 */
export async function* exportCourseJson(courseId: string, { pageSize = 100 }: { pageSize?: number } = {}): AsyncGenerator<string> {
  const where = { assignment: { courseId } };
  const [course, members, assignments, extensions, overrides, regrades, auditLog] = await Promise.all([
    db().course.findUniqueOrThrow({ where: { id: courseId } }),
    db().enrollment.findMany({ where: { courseId }, select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true, studentId: true } } } }),
    db().assignment.findMany({ where: { courseId }, include: { exercise: { select: { slug: true } }, quiz: { select: { slug: true } } } }),
    db().extension.findMany({ where }),
    db().gradeOverride.findMany({ where, orderBy: { createdAt: "asc" } }),
    db().regradeBatch.findMany({ where: { courseId }, include: { items: true }, orderBy: { createdAt: "asc" } }),
    db().auditLog.findMany({ where: { courseId }, orderBy: { createdAt: "asc" } }),
  ]);
  const head = { format: "ipclab-course-export", version: 1, exportedAt: new Date().toISOString(), course };
  yield JSON.stringify(head).slice(0, -1); // the object stays open for the sections below
  yield* jsonArray("members", members.map((m) => ({ ...m.user, role: m.role, enrolledAt: m.createdAt })));
  yield* jsonArray("assignments", assignments);
  yield* jsonArray("extensions", extensions);
  const submissions = pages(pageSize, (after: { id: string; submittedAt: Date } | undefined) =>
    db().submission.findMany({
      where: { ...where, ...afterRow("submittedAt", after) },
      omit: { leaseOwner: true, leaseUntil: true },
      include: { results: { omit: { submissionId: true } } },
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      take: pageSize,
    }),
  );
  yield* jsonArray("submissions", mapRows(submissions, (s) => ({ ...s, report: parse(s.report), results: s.results.map((r) => ({ ...r, trace: parse(r.trace) })) })));
  const attempts = pages(pageSize, (after: { id: string; startedAt: Date } | undefined) =>
    db().quizAttempt.findMany({
      where: { ...where, ...afterRow("startedAt", after) },
      include: { answers: { omit: { attemptId: true } }, quiz: { select: { slug: true } } },
      orderBy: [{ startedAt: "asc" }, { id: "asc" }],
      take: pageSize,
    }),
  );
  yield* jsonArray("quizAttempts", mapRows(attempts, (a) => ({ ...a, answers: a.answers.map((x) => ({ ...x, response: parse(x.response) })) })));
  yield* jsonArray("overrides", overrides);
  yield* jsonArray("regrades", regrades);
  yield* jsonArray("auditLog", auditLog.map((e) => ({ ...e, details: parse(e.details) })));
  yield "\n}\n";
}

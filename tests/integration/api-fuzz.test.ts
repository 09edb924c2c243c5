import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "@/lib/seed/seed-demo";
import { listAppRoutes } from "../helpers/app-routes";
import { HttpSession } from "../helpers/http-session";
import { startApp, type RunningApp } from "../helpers/start-app";

/**
 * Issue 15: bad input is a 4xx, never a 500. Every API route (found in app/, so a new one is
 * covered or this test says it isn't), as anonymous, student and instructor, gets malformed
 * JSON, lone surrogates, NUL, dates no database holds, null where a date belongs, and
 * undecodable percent-encodings in its dynamic segments and query, against the app started
 * as `npm start` does it.
 *
 * FUZZ_BASE_URL points it at a server already running with DEMO_PASSWORD=FUZZ_PASSWORD
 * instead (for instance one built from an older commit, to see what it did there).
 */
const root = path.resolve(import.meta.dirname, "../..");
const PORT = Number(process.env.FUZZ_PORT ?? 3216);
const PASSWORD = process.env.FUZZ_PASSWORD ?? "fuzz-demo-password-1";
const DAY = 86_400_000;

type Method = "GET" | "POST";
type Ids = Record<string, string>;

/**
 * For each route that reads a body: a body its schema accepts, so that changing one field at
 * a time reaches the code behind the schema. Ids of people are ones that don't exist, so no
 * mutation that happens to be valid removes anyone.
 */
const BODIES: Record<string, (ids: Ids) => Record<string, unknown>> = {
  "/api/account/forgot-password": () => ({ email: "fuzz-nobody@example.com" }),
  "/api/account/link-intent": () => ({ provider: "oidc" }),
  "/api/account/password": () => ({ token: "A".repeat(43), password: "a-long-passphrase-42-fuzz" }),
  "/api/account/verify-email": () => ({ token: "A".repeat(43) }),
  "/api/admin/sessions/revoke": () => ({ userId: "fuzz-nobody" }),
  "/api/courses/[courseId]/roster/invite": () => ({ email: "fuzz-nobody@example.com" }),
  "/api/courses/[courseId]/assignments/[assignmentId]/extensions/revoke": () => ({ userId: "fuzz-nobody" }),
  "/api/courses/[courseId]/assignments/[assignmentId]/extensions": () => ({ userId: "fuzz-nobody", dueAt: iso(7), lateUntil: iso(9) }),
  "/api/courses/[courseId]/assignments/[assignmentId]": () => ({ title: "Fuzzed", opensAt: iso(-1), dueAt: iso(7), lateUntil: null, maxAttempts: null }),
  "/api/courses/[courseId]/assignments": () => ({ kind: "EXERCISE", content: "fix-the-race", title: "Fuzz", opensAt: iso(-1), dueAt: iso(7), lateUntil: null }),
  "/api/courses/[courseId]/grades/overrides/remove": (ids) => ({ assignmentId: ids.assignmentId, userId: "fuzz-nobody" }),
  "/api/courses/[courseId]/grades/overrides": (ids) => ({ assignmentId: ids.assignmentId, userId: "fuzz-nobody", score: 1, comment: "fuzz" }),
  "/api/courses/[courseId]/instructors": () => ({ email: "fuzz-nobody@example.com" }),
  "/api/courses/[courseId]/join-code": () => ({ confirm: true }),
  "/api/courses/[courseId]/regrades": () => ({ scope: "submission", submissionId: "fuzz-nobody" }),
  "/api/courses/[courseId]/regrade-requests": (ids) => ({ submissionId: ids.submissionId, testId: null, message: "fuzz" }),
  "/api/courses/[courseId]/regrade-requests/[requestId]/messages": () => ({ body: "fuzz" }),
  "/api/courses/[courseId]/regrade-requests/[requestId]/resolve": () => ({ action: "decline", comment: "fuzz" }),
  "/api/courses/[courseId]/submissions/[submissionId]/comments": () => ({ line: 1, body: "fuzz" }),
  "/api/courses/[courseId]/submissions/[submissionId]/comments/remove": () => ({ commentId: "fuzz-nobody" }),
  "/api/courses/[courseId]/submissions/[submissionId]/rubric": () => ({ itemId: "fuzz-nobody", applied: true }),
  "/api/courses/[courseId]/assignments/[assignmentId]/rubric": () => ({ title: "Fuzz item", points: 1 }),
  "/api/courses/[courseId]/assignments/[assignmentId]/rubric/archive": () => ({ itemId: "fuzz-nobody" }),
  // An assignment that does not exist: a 404, so the fuzzing never starts a similarity run.
  "/api/courses/[courseId]/similarity": () => ({ scope: "assignment", assignmentId: "fuzz-nobody", finalOnly: true }),
  "/api/courses/[courseId]/roster/import": () => ({ csv: "email,name\nfuzz@example.com,Fuzz", mode: "preview" }),
  "/api/courses/[courseId]/roster/remove": () => ({ userId: "fuzz-nobody" }),
  "/api/courses/[courseId]/settings": () => ({ title: "Fuzzed course", description: "fuzz" }),
  "/api/courses/join": () => ({ joinCode: "NOPE-0000" }),
  "/api/drafts/[slug]": () => ({ source: "export async function main() {}" }),
  "/api/instructor/courses": () => ({ code: "FUZZ1", title: "Fuzz", description: "" }),
  "/api/lessons/[slug]/progress": () => ({}),
  "/api/malformed-path": () => ({}),
  "/api/quiz-attempts/[attemptId]/submit": () => ({ responses: {} }),
  "/api/quizzes/[slug]/attempts": () => ({ assignmentId: null }),
  "/api/signup": () => ({ name: "Fuzz", email: "fuzz-signup@example.com", password: "a-long-passphrase-42", joinCode: "NOPE-0000" }),
  "/api/submissions": () => ({ exercise: "fix-the-race", source: "export async function main() {}" }),
};

/** next-auth's own handler: its input is a form, and its behaviour is next-auth's. */
const NOT_FUZZED = new Set(["/api/auth/[...nextauth]"]);

const iso = (days: number) => new Date(Date.now() + days * DAY).toISOString();

const HOSTILE_VALUES: unknown[] = [
  "\ud800",
  "a\udc00b",
  "😀\ud83d",
  "nul\u0000byte",
  "+275760-09-13T00:00:00.000Z",
  "-000001-01-01T00:00:00.000Z",
  "+275760-09-13",
  8.64e15,
  -8.64e15,
  1e308,
  null,
  "2030-02-30T00:00:00Z",
  "",
  "%",
  "_",
  "\\",
  "x".repeat(5000),
  -1,
  true,
  {},
  [],
  { "\ud800": "\udfff" },
];

const MALFORMED_BODIES: Array<string | Uint8Array<ArrayBuffer>> = [
  "{",
  '{"a":',
  "nul",
  '{"a":1}trailing',
  "[".repeat(50_000),
  '"\\ud800"',
  '{"\\ud800":"\\udc00"}',
  "null",
  "[]",
  "12",
  "",
  new Uint8Array([0xff, 0xfe, 0x7b, 0x00]),
  new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
];

const BAD_SEGMENTS = ["%E0%A4%A", "%", "%ED%A0%80", "%C0%AF", "%00", "%FF", "..%2F..%2F", "%uD800"];
const BAD_QUERY_VALUES = ["%", "%ED%A0%80", "%E0%A4%A", "%00", "1e400", "-1", "NaN", "a:%ED%A0%80"];
const QUERY_KEYS = ["q", "page", "pageSize", "sort", "dir", "flag", "assignment", "submission", "test", "exercise"];

type Probe = { method: Method; path: string; body?: string | Uint8Array<ArrayBuffer>; what: string };

function fill(pattern: string, ids: Ids, bad?: { segment: string; value: string }): string {
  return pattern.replace(/\[(\w+)\]/g, (_, name: string) => (bad?.segment === name ? bad.value : encodeURIComponent(ids[`${name}:${pattern}`] ?? ids[name] ?? "fuzz-nobody")));
}

function methodsOf(route: string): Method[] {
  const file = path.join(root, "app", route, "route.ts");
  const source = fs.readFileSync(file, "utf8");
  return (["GET", "POST"] as const).filter((m) => new RegExp(`export (const|async function) ${m}\\b`).test(source));
}

function probesFor(route: string, ids: Ids): Probe[] {
  const probes: Probe[] = [];
  const methods = methodsOf(route);
  const good = fill(route, ids);
  for (const segment of [...route.matchAll(/\[(\w+)\]/g)].map((m) => m[1])) {
    for (const value of BAD_SEGMENTS) for (const method of methods) probes.push({ method, path: fill(route, ids, { segment, value }), body: method === "POST" ? "{}" : undefined, what: `[${segment}]=${value}` });
  }
  if (methods.includes("GET") && /searchParams/.test(fs.readFileSync(path.join(root, "app", route, "route.ts"), "utf8"))) {
    for (const key of QUERY_KEYS) for (const value of BAD_QUERY_VALUES) probes.push({ method: "GET", path: `${good}?${key}=${value}`, what: `?${key}=${value}` });
  }
  if (methods.includes("POST")) {
    for (const body of MALFORMED_BODIES) probes.push({ method: "POST", path: good, body, what: `body ${typeof body === "string" ? JSON.stringify(body.slice(0, 20)) : "bytes"}` });
    const template = BODIES[route]?.(ids);
    if (template) {
      for (const key of Object.keys(template)) {
        for (const value of HOSTILE_VALUES) probes.push({ method: "POST", path: good, body: JSON.stringify({ ...template, [key]: value }), what: `${key}=${JSON.stringify(value)?.slice(0, 30)}` });
      }
      for (const value of HOSTILE_VALUES) probes.push({ method: "POST", path: good, body: JSON.stringify({ ...template, [`extra${String(value).slice(0, 3)}`]: value }), what: `extra key ${JSON.stringify(value)?.slice(0, 20)}` });
    }
  }
  return probes;
}

async function send(session: HttpSession, probe: Probe): Promise<number> {
  const controller = new AbortController();
  const headers: Record<string, string> = { origin: session.baseUrl };
  if (probe.body !== undefined) headers["content-type"] = "application/json";
  const timer = setTimeout(() => controller.abort(), 20_000);
  try {
    const response = await session.fetch(probe.path, { method: probe.method, headers, body: probe.body, signal: controller.signal });
    // Server-sent events never end on their own: the status is all this needs.
    await response.body?.cancel();
    return response.status;
  } finally {
    clearTimeout(timer);
  }
}

/** Runs the probes a few at a time (the app serves several users at once anyway). */
async function runAll(session: HttpSession, probes: Probe[]): Promise<string[]> {
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < probes.length) {
      const probe = probes[next++];
      let status: number | string;
      try {
        status = await send(session, probe);
      } catch (error) {
        status = `no response (${(error as Error).message})`;
      }
      if (typeof status !== "number" || status >= 500) failures.push(`${probe.method} ${probe.path.slice(0, 120)} ${probe.what}: ${status}`);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return failures;
}

describe("no API route answers bad input with a 500", () => {
  let app: RunningApp | undefined;
  let baseUrl: string;
  const ids: Ids = {};
  const sessions: Record<"anonymous" | "student" | "instructor", HttpSession> = {} as never;
  const apiRoutes = listAppRoutes()
    .filter((r) => r.kind === "api")
    .map((r) => r.route)
    .filter((r) => !NOT_FUZZED.has(r));

  beforeAll(async () => {
    if (process.env.FUZZ_BASE_URL) {
      baseUrl = process.env.FUZZ_BASE_URL;
    } else {
      const dataDir = path.join(root, `data/fuzz-${PORT}`);
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.mkdirSync(dataDir, { recursive: true });
      // The e2e suite's build folder: the same sources make the same build, built once for both.
      app = await startApp({ port: PORT, dataDir, env: { DEMO_PASSWORD: PASSWORD, NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next" } });
      baseUrl = app.baseUrl;
    }
    const [instructor, student] = [DEMO_USERS.find((u) => u.role === "INSTRUCTOR")!, DEMO_USERS.find((u) => u.role === "STUDENT")!];
    sessions.anonymous = new HttpSession(baseUrl);
    sessions.instructor = await new HttpSession(baseUrl).signIn(instructor.email, PASSWORD);
    sessions.student = await new HttpSession(baseUrl).signIn(student.email, PASSWORD);

    // Real ids, so each probe gets past "not found" to the code that reads its input.
    const json = async (session: HttpSession, p: string, body?: unknown) => {
      const response = await session.fetch(p, body === undefined ? {} : { method: "POST", headers: { "content-type": "application/json", origin: baseUrl }, body: JSON.stringify(body) });
      return (await response.json()) as Record<string, unknown>;
    };
    const courses = (await json(sessions.instructor, "/api/courses")).courses as Array<{ id: string }>;
    ids.courseId = courses[0].id;
    const created = await json(sessions.instructor, `/api/courses/${ids.courseId}/assignments`, { ...BODIES["/api/courses/[courseId]/assignments"](ids), published: true });
    ids.assignmentId = (created.assignment as { id: string }).id;
    const exercise = fs.readdirSync(path.join(root, "exercises")).find((d) => fs.existsSync(path.join(root, "exercises", d, "exercise.json"))) ?? "fix-the-race";
    const quiz = path.basename(fs.readdirSync(path.join(root, "content/questions")).find((f) => f.endsWith(".json"))!, ".json");
    const lesson = (JSON.parse(fs.readFileSync(path.join(root, "content/lessons/03-pipes/lesson.json"), "utf8")) as { slug: string }).slug;
    Object.assign(ids, {
      slug: exercise,
      "slug:/api/quizzes/[slug]/attempts": quiz,
      "slug:/api/lessons/[slug]/progress": lesson,
      file: "run-worker.js",
      batchId: "fuzz-nobody",
    });
    const attempt = await json(sessions.student, `/api/quizzes/${quiz}/attempts`, {});
    ids.attemptId = ((attempt.attempt as { id?: string } | undefined)?.id ?? "fuzz-nobody") as string;
    const submission = await json(sessions.student, "/api/submissions", { exercise, source: "export async function main() {}" });
    ids.submissionId = ((submission.id ?? (submission.submission as { id?: string } | undefined)?.id) ?? "fuzz-nobody") as string;
  }, 600_000);

  afterAll(() => app?.stop());

  it("knows a valid body for every API route that reads one", () => {
    const posting = apiRoutes.filter((r) => methodsOf(r).includes("POST"));
    expect(posting.filter((r) => !BODIES[r])).toEqual([]);
    expect(Object.keys(BODIES).filter((r) => !posting.includes(r))).toEqual([]);
  });

  for (const role of ["anonymous", "student", "instructor"] as const) {
    it(`as ${role}: every route, every hostile input, a status below 500`, async () => {
      const probes = apiRoutes.flatMap((route) => probesFor(route, ids));
      expect(probes.length).toBeGreaterThan(1000);
      const failures = await runAll(sessions[role], probes);
      expect(failures).toEqual([]);
    }, 600_000);
  }
});

import { beforeAll, describe, expect, inject, it } from "vitest";
import { createDb } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_COURSE, DEMO_USERS } from "@/lib/seed/seed-demo";
import { HttpSession } from "../helpers/http-session";
import { listAppRoutes } from "../helpers/app-routes";
import { E2E_PASSWORD } from "./e2e-constants";

/**
 * The authorization matrix: every route × every role, with the exact status expected.
 * A new page or route handler without a row here fails the completeness test.
 */
const ROLES = ["anonymous", "student", "outsider", "instructor", "otherInstructor", "admin"] as const;
type RoleName = (typeof ROLES)[number];
type Row = {
  route: string;
  method?: "GET" | "POST";
  body?: unknown;
  query?: string;
  /** The concrete URL to request when the route pattern has parameters concrete() does not fill. */
  path?: string;
  /** Status per role, in ROLES order. */
  expect: [number, number, number, number, number, number];
};

const MATRIX: Row[] = [
  { route: "/", expect: [200, 200, 200, 200, 200, 200] },
  { route: "/signin", expect: [200, 307, 307, 307, 307, 307] },
  { route: "/signup", expect: [200, 200, 200, 200, 200, 200] },
  { route: "/lessons", expect: [200, 200, 200, 200, 200, 200] },
  { route: "/home", expect: [401, 200, 200, 200, 200, 200] },
  { route: "/courses/[courseId]", expect: [401, 200, 403, 200, 403, 200] },
  // A student's own grades (issue #14): members only; staff get a pointer to the grade book (page) or 404 (API: not a student).
  { route: "/courses/[courseId]/grades", expect: [401, 200, 403, 200, 403, 200] },
  { route: "/api/courses/[courseId]/my-grades", expect: [401, 200, 403, 404, 403, 404] },
  { route: "/instructor", expect: [401, 403, 403, 200, 200, 200] },
  { route: "/instructor/courses/[courseId]", expect: [401, 403, 403, 200, 403, 200] },
  { route: "/api/health", expect: [200, 200, 200, 200, 200, 200] },
  // Where the proxy sends undecodable paths: a 400 for everyone.
  { route: "/api/malformed-path", expect: [400, 400, 400, 400, 400, 400] },
  { route: "/api/auth/[...nextauth]", expect: [200, 200, 200, 200, 200, 200] },
  { route: "/api/me", expect: [401, 200, 200, 200, 200, 200] },
  // The account page and its link intent (ADR 021): any signed-in user. The suite's app has
  // no OAuth provider configured, so a link intent is a 400 for everyone signed in.
  { route: "/account", expect: [401, 200, 200, 200, 200, 200] },
  { route: "/api/account/link-intent", method: "POST", body: { provider: "oidc" }, expect: [401, 400, 400, 400, 400, 400] },
  { route: "/signin/refused", query: "?reason=email-unverified", expect: [200, 200, 200, 200, 200, 200] },
  { route: "/api/courses", expect: [401, 200, 200, 200, 200, 200] },
  { route: "/api/courses/join", method: "POST", body: { joinCode: "ZZZZ-ZZZZ" }, expect: [401, 400, 400, 400, 400, 400] },
  { route: "/api/courses/[courseId]/roster", expect: [401, 403, 403, 200, 403, 200] },
  // Sign-up is public; an invalid body is a 400 for everyone and creates nothing.
  { route: "/api/submissions", query: "?exercise=fix-the-race", expect: [401, 200, 200, 200, 200, 200] },
  { route: "/api/submissions", method: "POST", body: { exercise: "Not A Slug", source: "x" }, expect: [401, 400, 400, 400, 400, 400] },
  { route: "/api/submissions/[submissionId]", expect: [401, 200, 403, 200, 403, 200] },
  { route: "/api/submissions/[submissionId]/events", expect: [401, 200, 403, 200, 403, 200] },
  { route: "/api/signup", method: "POST", body: { name: "", email: "bad", password: "x", joinCode: "" }, expect: [400, 400, 400, 400, 400, 400] },
  // Account links (issue 15, ADR 019): public pages (opening one spends nothing); the APIs refuse bad bodies with 400 for everyone.
  { route: "/forgot-password", expect: [200, 200, 200, 200, 200, 200] },
  { route: "/account/password", query: "?token=x", expect: [200, 200, 200, 200, 200, 200] },
  { route: "/account/verify", expect: [200, 200, 200, 200, 200, 200] },
  { route: "/api/account/forgot-password", method: "POST", body: { email: "not-an-email" }, expect: [400, 400, 400, 400, 400, 400] },
  { route: "/api/account/password", method: "POST", body: { token: "x", password: "y" }, expect: [400, 400, 400, 400, 400, 400] },
  { route: "/api/account/password", method: "POST", body: { token: "A".repeat(43), password: "lantern-quartz-meadow-64" }, expect: [400, 400, 400, 400, 400, 400] },
  { route: "/api/account/verify-email", method: "POST", body: { token: "A".repeat(43) }, expect: [400, 400, 400, 400, 400, 400] },
  // Lessons are public and static; quizzes need an account; an attempt is its owner's (and, for an assignment, the course staff's).
  { route: "/lessons/[lang]/[slug]", expect: [200, 200, 200, 200, 200, 200] },
  { route: "/quizzes/[slug]", expect: [401, 200, 200, 200, 200, 200] },
  { route: "/api/quizzes/[slug]/attempts", method: "POST", body: {}, expect: [401, 200, 200, 200, 200, 200] },
  { route: "/api/quiz-attempts/[attemptId]", expect: [401, 200, 403, 200, 403, 200] },
  { route: "/api/quiz-attempts/[attemptId]/submit", method: "POST", body: { responses: {} }, expect: [401, 200, 403, 403, 403, 403] },
  { route: "/api/lessons/[slug]/progress", expect: [401, 200, 200, 200, 200, 200] },
  { route: "/api/lessons/[slug]/progress", method: "POST", body: {}, expect: [401, 200, 200, 200, 200, 200] },
  // Instructor pages and APIs (issue #8): course staff and admins only. POST rows send an
  // invalid body, so allowed roles get a 400 (authorization is checked first) and nothing changes.
  { route: "/instructor/courses/[courseId]/assignments", expect: [401, 403, 403, 200, 403, 200] },
  { route: "/instructor/courses/[courseId]/assignments/[assignmentId]", expect: [401, 403, 403, 200, 403, 200] },
  { route: "/instructor/courses/[courseId]/grades", expect: [401, 403, 403, 200, 403, 200] },
  { route: "/instructor/courses/[courseId]/grades/[studentId]", expect: [401, 403, 403, 200, 403, 200] },
  { route: "/instructor/courses/[courseId]/submissions/[submissionId]", expect: [401, 403, 403, 200, 403, 200] },
  { route: "/instructor/courses/[courseId]/analytics", expect: [401, 403, 403, 200, 403, 200] },
  { route: "/api/instructor/courses", method: "POST", body: { code: "" }, expect: [401, 403, 403, 400, 400, 400] },
  { route: "/api/courses/[courseId]/settings", method: "POST", body: {}, expect: [401, 403, 403, 400, 403, 400] },
  { route: "/api/courses/[courseId]/join-code", method: "POST", body: {}, expect: [401, 403, 403, 400, 403, 400] },
  { route: "/api/courses/[courseId]/roster/remove", method: "POST", body: {}, expect: [401, 403, 403, 400, 403, 400] },
  { route: "/api/courses/[courseId]/roster/import", method: "POST", body: { mode: "commit" }, expect: [401, 403, 403, 400, 403, 400] },
  // Resending an invitation: course staff only; the demo student can sign in already, so it is a 400 for them.
  { route: "/api/courses/[courseId]/roster/invite", method: "POST", body: { email: DEMO_USERS[1].email }, expect: [401, 403, 403, 400, 403, 400] },
  { route: "/api/courses/[courseId]/instructors", method: "POST", body: { email: "not-an-email" }, expect: [401, 403, 403, 400, 403, 400] },
  { route: "/api/courses/[courseId]/assignments", expect: [401, 403, 403, 200, 403, 200] },
  { route: "/api/courses/[courseId]/assignments", method: "POST", body: {}, expect: [401, 403, 403, 400, 403, 400] },
  { route: "/api/courses/[courseId]/assignments/[assignmentId]", expect: [401, 403, 403, 200, 403, 200] },
  { route: "/api/courses/[courseId]/assignments/[assignmentId]", method: "POST", body: {}, expect: [401, 403, 403, 400, 403, 400] },
  { route: "/api/courses/[courseId]/assignments/[assignmentId]/extensions", method: "POST", body: {}, expect: [401, 403, 403, 400, 403, 400] },
  { route: "/api/courses/[courseId]/assignments/[assignmentId]/extensions/revoke", method: "POST", body: {}, expect: [401, 403, 403, 400, 403, 400] },
  { route: "/api/courses/[courseId]/grades", expect: [401, 403, 403, 200, 403, 200] },
  { route: "/api/courses/[courseId]/grades/overrides", method: "POST", body: { comment: "" }, expect: [401, 403, 403, 400, 403, 400] },
  { route: "/api/courses/[courseId]/grades/overrides/remove", method: "POST", body: {}, expect: [401, 403, 403, 400, 403, 400] },
  { route: "/api/courses/[courseId]/export/csv", expect: [401, 403, 403, 200, 403, 200] },
  { route: "/api/courses/[courseId]/export/json", expect: [401, 403, 403, 200, 403, 200] },
  { route: "/api/courses/[courseId]/regrades", method: "POST", body: { scope: "everything" }, expect: [401, 403, 403, 400, 403, 400] },
  { route: "/api/courses/[courseId]/regrades/[batchId]", expect: [401, 403, 403, 200, 403, 200] },
  // Regrade requests (issue 18): a request is its student's and the course staff's. The new-request page is the
  // submission owner's only (staff who can read the submission get 404); POST rows send invalid bodies.
  { route: "/courses/[courseId]/regrade-requests", expect: [401, 200, 403, 200, 403, 200] },
  { route: "/courses/[courseId]/regrade-requests/new", query: "?submission=[submissionId]", expect: [401, 200, 403, 404, 403, 404] },
  { route: "/courses/[courseId]/regrade-requests/[requestId]", expect: [401, 200, 403, 200, 403, 200] },
  { route: "/instructor/courses/[courseId]/regrade-requests", expect: [401, 403, 403, 200, 403, 200] },
  { route: "/instructor/courses/[courseId]/regrade-requests/[requestId]", expect: [401, 403, 403, 200, 403, 200] },
  { route: "/api/courses/[courseId]/regrade-requests", expect: [401, 200, 403, 200, 403, 200] },
  { route: "/api/courses/[courseId]/regrade-requests", method: "POST", body: {}, expect: [401, 400, 403, 400, 403, 400] },
  { route: "/api/courses/[courseId]/regrade-requests/[requestId]", expect: [401, 200, 403, 200, 403, 200] },
  { route: "/api/courses/[courseId]/regrade-requests/[requestId]/messages", method: "POST", body: {}, expect: [401, 400, 403, 400, 403, 400] },
  { route: "/api/courses/[courseId]/regrade-requests/[requestId]/resolve", method: "POST", body: { action: "everything" }, expect: [401, 403, 403, 400, 403, 400] },
  // Line comments and rubric items (issue 18): staff write them; a student reads their own submission's feedback only.
  { route: "/courses/[courseId]/submissions/[submissionId]/feedback", expect: [401, 200, 403, 404, 403, 404] },
  { route: "/api/courses/[courseId]/submissions/[submissionId]/comments", method: "POST", body: {}, expect: [401, 403, 403, 400, 403, 400] },
  { route: "/api/courses/[courseId]/submissions/[submissionId]/comments/remove", method: "POST", body: {}, expect: [401, 403, 403, 400, 403, 400] },
  { route: "/api/courses/[courseId]/submissions/[submissionId]/rubric", method: "POST", body: {}, expect: [401, 403, 403, 400, 403, 400] },
  { route: "/api/courses/[courseId]/assignments/[assignmentId]/rubric", method: "POST", body: {}, expect: [401, 403, 403, 400, 403, 400] },
  { route: "/api/courses/[courseId]/assignments/[assignmentId]/rubric/archive", method: "POST", body: {}, expect: [401, 403, 403, 400, 403, 400] },
  // Item statistics (issue 18): course staff only; the matrix assignment is an exercise with one graded submission.
  { route: "/instructor/courses/[courseId]/analytics/items", query: "?assignment=[assignmentId]", expect: [401, 403, 403, 200, 403, 200] },
  { route: "/api/courses/[courseId]/assignments/[assignmentId]/item-statistics", query: "?format=csv", expect: [401, 403, 403, 200, 403, 200] },
  // Similarity (issue 18, ADR 022): advisory, for the course's staff only; students never see any of it.
  { route: "/instructor/courses/[courseId]/similarity", expect: [401, 403, 403, 200, 403, 200] },
  { route: "/instructor/courses/[courseId]/similarity/[runId]", expect: [401, 403, 403, 200, 403, 200] },
  { route: "/instructor/courses/[courseId]/similarity/[runId]/pairs/[pairId]", expect: [401, 403, 403, 200, 403, 200] },
  { route: "/api/courses/[courseId]/similarity", method: "POST", body: { scope: "everything" }, expect: [401, 403, 403, 400, 403, 400] },
  { route: "/api/courses/[courseId]/similarity/[runId]", expect: [401, 403, 403, 200, 403, 200] },
  // The exercise workspace (issue #7); `path` names the exercise, since concrete() fills [slug] with a quiz topic.
  { route: "/exercises/[slug]", path: "/exercises/fix-the-race", expect: [401, 200, 200, 200, 200, 200] },
  { route: "/api/exercises/[slug]/public-tests.js", path: "/api/exercises/fix-the-race/public-tests.js", expect: [401, 200, 200, 200, 200, 200] },
  { route: "/api/exercises/[slug]/history", path: "/api/exercises/fix-the-race/history", expect: [401, 200, 200, 200, 200, 200] },
  { route: "/api/exercises/[slug]/history", path: "/api/exercises/fix-the-race/history", query: "?unknown=1", expect: [401, 400, 400, 400, 400, 400] },
  // The matrix submission has no counterexample: its owner and staff get 404, others 403.
  { route: "/api/exercises/[slug]/replay", path: "/api/exercises/fix-the-race/replay", query: "?submission=[submissionId]&test=two-tellers", expect: [401, 404, 403, 404, 403, 404] },
  { route: "/api/exercises/workers/[file]", path: "/api/exercises/workers/run-worker.js", expect: [200, 200, 200, 200, 200, 200] },
  // Ending an account's sessions (issue 15): admins only; the matrix sends an invalid body, so nobody is signed out.
  { route: "/api/admin/sessions/revoke", method: "POST", body: {}, expect: [401, 403, 403, 403, 403, 400] },
  { route: "/api/drafts/[slug]", path: "/api/drafts/fix-the-race", method: "POST", body: { source: 42 }, expect: [401, 400, 400, 400, 400, 400] },
];

const sessions = {} as Record<RoleName, HttpSession>;
let courseId = "";
let attemptId = "";
let submissionId = "";
let assignmentId = "";
let studentId = "";
let batchId = "";
let requestId = "";
let runId = "";
let pairId = "";

function concrete(route: string): string {
  return route
    .replace("[courseId]", courseId)
    .replace("[submissionId]", submissionId)
    .replace("[...nextauth]", "session")
    .replace("[lang]", "en")
    .replace("[slug]", "pipes")
    .replace("[attemptId]", attemptId)
    .replace("[assignmentId]", assignmentId)
    .replace("[studentId]", studentId)
    .replace("[batchId]", batchId)
    .replace("[requestId]", requestId)
    .replace("[runId]", runId)
    .replace("[pairId]", pairId);
}

beforeAll(async () => {
  const baseUrl = inject("baseUrl");
  const db = createDb(inject("databaseUrl"));
  const passwordHash = await hashPassword(E2E_PASSWORD);
  courseId = (await db.course.findUniqueOrThrow({ where: { code: DEMO_COURSE.code } })).id;
  const other = await db.course.upsert({ where: { code: "OTHER1" }, update: {}, create: { code: "OTHER1", title: "Another course", joinCode: "OTHR-0001" } });
  const extra = [
    { email: "outsider@ipclab.local", name: "Outsider", role: "STUDENT" as const, courseRole: "STUDENT" as const },
    { email: "other-instructor@ipclab.local", name: "Other Instructor", role: "INSTRUCTOR" as const, courseRole: "INSTRUCTOR" as const },
    { email: "admin@ipclab.local", name: "Admin", role: "ADMIN" as const, courseRole: null },
  ];
  for (const u of extra) {
    const user = await db.user.upsert({ where: { email: u.email }, update: {}, create: { email: u.email, name: u.name, role: u.role, passwordHash } });
    if (u.courseRole) {
      await db.enrollment.upsert({ where: { courseId_userId: { courseId: other.id, userId: user.id } }, update: {}, create: { courseId: other.id, userId: user.id, role: u.courseRole } });
    }
  }
  // A practice submission of the demo student, for the submission-view rows.
  const student = await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS[1].email } });
  const exercise = await db.exercise.findUniqueOrThrow({ where: { slug: "fix-the-race" } });
  // It belongs to an (unpublished) assignment of the demo course, so the instructor's submission page has one to show.
  assignmentId = (await db.assignment.create({ data: { courseId, kind: "EXERCISE", exerciseId: exercise.id, title: "Matrix assignment", opensAt: new Date(0), dueAt: new Date(0) } })).id;
  studentId = student.id;
  submissionId = (await db.submission.create({ data: { userId: student.id, exerciseId: exercise.id, assignmentId, source: "// matrix", status: "GRADED", score: 0, maxScore: 100 } })).id;
  batchId = (await db.regradeBatch.create({ data: { courseId, assignmentId, scope: "assignment" } })).id;
  // The demo student's regrade request about it (the assignment's window has closed, so it is made here).
  requestId = (await db.regradeRequest.create({ data: { courseId, assignmentId, submissionId, userId: student.id, messages: { create: { authorId: student.id, kind: "REQUEST", body: "matrix" } } } })).id;
  // A finished similarity run with one pair: the matrix submission and another student's.
  const classmate = await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS[2].email } });
  const classmateSubmission = await db.submission.create({ data: { userId: classmate.id, exerciseId: exercise.id, assignmentId, source: "// classmate", status: "GRADED", score: 0, maxScore: 100 } });
  runId = (await db.similarityRun.create({ data: { courseId, assignmentId, exerciseId: exercise.id, status: "DONE", submissions: 2, pairsCompared: 1 } })).id;
  pairId = (await db.similarityPair.create({ data: { runId, leftId: submissionId, rightId: classmateSubmission.id, tokenScore: 0.5, behaviourScore: null } })).id;
  // A quiz attempt of the demo student on a published assignment of the demo course.
  const quiz = await db.quiz.findUniqueOrThrow({ where: { slug: "pipes" } });
  const assignment = await db.assignment.create({
    data: { courseId, kind: "QUIZ", quizId: quiz.id, title: "Pipes quiz", published: true, opensAt: new Date(Date.now() - 86_400_000), dueAt: new Date(Date.now() + 86_400_000) },
  });
  const quizStudent = await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS[1].email } });
  attemptId = (await db.quizAttempt.create({ data: { userId: quizStudent.id, quizId: quiz.id, assignmentId: assignment.id, attemptNo: 1, seed: 1 } })).id;
  await db.$disconnect();
  const emails: Record<Exclude<RoleName, "anonymous">, string> = {
    student: DEMO_USERS[1].email,
    outsider: "outsider@ipclab.local",
    instructor: DEMO_USERS[0].email,
    otherInstructor: "other-instructor@ipclab.local",
    admin: "admin@ipclab.local",
  };
  sessions.anonymous = new HttpSession(baseUrl);
  for (const [role, email] of Object.entries(emails)) sessions[role as RoleName] = await new HttpSession(baseUrl).signIn(email, E2E_PASSWORD);
});

describe("authorization matrix", () => {
  it("has a row for every page and route handler in app/", () => {
    const covered = new Set(MATRIX.map((r) => r.route));
    const missing = listAppRoutes().filter((r) => !covered.has(r.route));
    expect(missing).toEqual([]);
  });

  for (const row of MATRIX) {
    ROLES.forEach((role, i) => {
      it(`${row.method ?? "GET"} ${row.route} as ${role} → ${row.expect[i]}`, async () => {
        const response = await sessions[role].fetch(concrete((row.path ?? row.route) + (row.query ?? "")), {
          method: row.method ?? "GET",
          headers: row.body ? { "content-type": "application/json" } : undefined,
          body: row.body ? JSON.stringify(row.body) : undefined,
        });
        expect(response.status).toBe(row.expect[i]);
        if (response.status === 401 || response.status === 403) {
          // A refusal carries no data: no other user's email, no join code.
          const text = await response.text();
          expect(text).not.toContain(DEMO_USERS[2].email);
          expect(text).not.toContain(DEMO_COURSE.joinCode);
        }
      });
    });
  }

  it("never shows a student another student's data through the API", async () => {
    const me = (await (await sessions.student.fetch("/api/me")).json()) as { user: { email: string } };
    expect(me.user.email).toBe(DEMO_USERS[1].email);
    const courses = await (await sessions.student.fetch("/api/courses")).text();
    expect(courses).not.toContain("@ipclab.local");
  });

  it("never shows a student a classmate's regrade request", async () => {
    const classmate = await new HttpSession(inject("baseUrl")).signIn(DEMO_USERS[2].email, E2E_PASSWORD);
    expect((await classmate.fetch(`/api/courses/${courseId}/regrade-requests/${requestId}`)).status).toBe(404);
    expect((await classmate.fetch(`/courses/${courseId}/regrade-requests/${requestId}`)).status).toBe(404);
    const list = await (await classmate.fetch(`/api/courses/${courseId}/regrade-requests`)).text();
    expect(list).not.toContain(requestId);
  });

  it("answers unknown pages with 404", async () => {
    expect((await sessions.student.fetch("/no-such-page")).status).toBe(404);
    expect((await sessions.anonymous.fetch("/api/no-such-route")).status).toBe(404);
  });

  it("refuses oversized and malformed bodies with 400/413 and a message", async () => {
    const big = await sessions.anonymous.fetch("/api/signup", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "x".repeat(20_000) }) });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: string }).error).toMatch(/too large/);
    const malformed = await sessions.anonymous.fetch("/api/signup", { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: string }).error).toMatch(/valid JSON/);
  });
});

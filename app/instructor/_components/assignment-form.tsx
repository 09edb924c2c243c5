"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Lang } from "@/lib/i18n/messages";
import { tr } from "./messages";
import { postJson } from "./post-json";
import { ActionStatus, useAction } from "./use-action";

export type AssignmentInitial = {
  title: string;
  opensAt: string;
  dueAt: string;
  lateUntil: string | null;
  latePenaltyPerDay: number;
  attemptPolicy: "BEST" | "LAST";
  maxAttempts: number | null;
  rateLimitPerHour: number | null;
  testVisibility: "VISIBLE" | "HIDDEN" | "AFTER_DUE";
  answerRelease: "AFTER_SUBMIT" | "AFTER_DUE" | "NEVER";
  regradeRequestLimit: number;
  regradeRequestWindowDays: number;
  published: boolean;
  /** Set when editing: the answer-release setting is shown for quizzes only. */
  kind?: "EXERCISE" | "QUIZ";
};

type Option = { slug: string; title: string };

/** An ISO instant as the value of a datetime-local input (the browser's local time). */
function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function settingsOf(form: HTMLFormElement) {
  const data = new FormData(form);
  const text = (k: string) => String(data.get(k) ?? "").trim();
  const instant = (k: string) => (text(k) ? new Date(text(k)).toISOString() : null);
  const limit = (k: string) => (text(k) ? Number(text(k)) : null);
  return {
    title: text("title"),
    opensAt: instant("opensAt"),
    dueAt: instant("dueAt"),
    lateUntil: instant("lateUntil"),
    latePenaltyPerDay: Number(text("latePenalty") || "0") / 100,
    attemptPolicy: text("attemptPolicy"),
    maxAttempts: limit("maxAttempts"),
    rateLimitPerHour: limit("rateLimitPerHour"),
    testVisibility: text("testVisibility"),
    // Only quiz forms have the field; an exercise keeps the default.
    ...(data.has("answerRelease") ? { answerRelease: text("answerRelease") } : {}),
    regradeRequestLimit: Number(text("regradeRequestLimit") || "0"),
    regradeRequestWindowDays: Number(text("regradeRequestWindowDays") || "0"),
    published: data.get("published") === "on",
  };
}

/**
 * Creates an assignment (choosing an exercise or a quiz) or edits one's settings. Dates are
 * entered in the browser's local time and sent as ISO instants.
 */
export function AssignmentForm({
  lang,
  courseId,
  assignmentId,
  initial,
  exercises,
  quizzes,
}: {
  lang: Lang;
  courseId: string;
  assignmentId?: string;
  initial: AssignmentInitial;
  exercises: Option[];
  quizzes: Option[];
}) {
  const router = useRouter();
  const action = useAction();
  const [kind, setKind] = useState<"EXERCISE" | "QUIZ">(initial.kind ?? "EXERCISE");
  const options = kind === "EXERCISE" ? exercises : quizzes;
  return (
    <form
      className="form"
      aria-label={assignmentId ? tr(lang, "edit") : tr(lang, "newAssignment")}
      onSubmit={async (e) => {
        e.preventDefault();
        const settings = settingsOf(e.currentTarget);
        if (assignmentId) {
          await action.run(() => postJson(`/api/courses/${courseId}/assignments/${assignmentId}`, settings), tr(lang, "saved"));
          return;
        }
        const content = String(new FormData(e.currentTarget).get("content") ?? "");
        const created = await action.run(() => postJson<{ assignment: { id: string } }>(`/api/courses/${courseId}/assignments`, { kind, content, ...settings }));
        if (created) router.push(`/instructor/courses/${courseId}/assignments/${created.assignment.id}`);
      }}
    >
      {!assignmentId && (
        <div className="row">
          <label>
            {tr(lang, "kind")}
            <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as "EXERCISE" | "QUIZ")}>
              <option value="EXERCISE">{tr(lang, "exercise")}</option>
              <option value="QUIZ">{tr(lang, "quiz")}</option>
            </select>
          </label>
          <label>
            {tr(lang, "content")}
            <select name="content" key={kind} required>
              {options.map((o) => (
                <option key={o.slug} value={o.slug}>
                  {o.title} ({o.slug})
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <label>
        {tr(lang, "title")}
        <input name="title" required defaultValue={initial.title} />
      </label>
      <div className="row">
        <label>
          {tr(lang, "opensAt")}
          <input name="opensAt" type="datetime-local" required defaultValue={toLocalInput(initial.opensAt)} />
        </label>
        <label>
          {tr(lang, "dueAt")}
          <input name="dueAt" type="datetime-local" required defaultValue={toLocalInput(initial.dueAt)} />
        </label>
        <label>
          {tr(lang, "lateUntil")}
          <input name="lateUntil" type="datetime-local" defaultValue={toLocalInput(initial.lateUntil)} />
        </label>
      </div>
      <div className="row">
        <label>
          {tr(lang, "latePenalty")}
          <input name="latePenalty" type="number" min={0} max={100} step="any" defaultValue={Math.round(initial.latePenaltyPerDay * 10000) / 100} />
        </label>
        <label>
          {tr(lang, "attemptPolicy")}
          <select name="attemptPolicy" defaultValue={initial.attemptPolicy}>
            <option value="BEST">{tr(lang, "best")}</option>
            <option value="LAST">{tr(lang, "last")}</option>
          </select>
        </label>
      </div>
      <div className="row">
        <label>
          {tr(lang, "maxAttempts")}
          <input name="maxAttempts" type="number" min={1} step={1} defaultValue={initial.maxAttempts ?? ""} />
        </label>
        <label>
          {tr(lang, "rateLimit")}
          <input name="rateLimitPerHour" type="number" min={1} step={1} defaultValue={initial.rateLimitPerHour ?? ""} />
        </label>
        <label>
          {tr(lang, "regradeRequestLimit")}
          <input name="regradeRequestLimit" type="number" min={0} max={100} step={1} defaultValue={initial.regradeRequestLimit} />
        </label>
        <label>
          {tr(lang, "regradeRequestWindowDays")}
          <input name="regradeRequestWindowDays" type="number" min={0} max={365} step={1} defaultValue={initial.regradeRequestWindowDays} />
        </label>
        <label>
          {tr(lang, "testVisibility")}
          <select name="testVisibility" defaultValue={initial.testVisibility}>
            <option value="VISIBLE">{tr(lang, "visible")}</option>
            <option value="HIDDEN">{tr(lang, "hidden")}</option>
            <option value="AFTER_DUE">{tr(lang, "afterDue")}</option>
          </select>
        </label>
        {kind === "QUIZ" && (
          <label>
            {tr(lang, "answerRelease")}
            <select name="answerRelease" defaultValue={initial.answerRelease}>
              <option value="AFTER_SUBMIT">{tr(lang, "releaseAfterSubmit")}</option>
              <option value="AFTER_DUE">{tr(lang, "releaseAfterDue")}</option>
              <option value="NEVER">{tr(lang, "releaseNever")}</option>
            </select>
          </label>
        )}
      </div>
      <label className="check">
        <input name="published" type="checkbox" defaultChecked={initial.published} />
        {tr(lang, "published")}
      </label>
      <ActionStatus error={action.error} ok={action.ok} />
      <button type="submit" className="primary" disabled={action.pending}>
        {assignmentId ? tr(lang, "save") : tr(lang, "create")}
      </button>
    </form>
  );
}

export function PublishToggle({ lang, courseId, assignmentId, published }: { lang: Lang; courseId: string; assignmentId: string; published: boolean }) {
  const action = useAction();
  return (
    <>
      <button type="button" disabled={action.pending} onClick={() => void action.run(() => postJson(`/api/courses/${courseId}/assignments/${assignmentId}`, { published: !published }))}>
        {published ? tr(lang, "unpublish") : tr(lang, "publish")}
      </button>
      <ActionStatus error={action.error} ok={action.ok} />
    </>
  );
}

export function ExtensionForm({ lang, courseId, assignmentId, students }: { lang: Lang; courseId: string; assignmentId: string; students: Array<{ id: string; name: string; email: string }> }) {
  const action = useAction();
  return (
    <form
      className="form"
      aria-label={tr(lang, "grantExtension")}
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const instant = (k: string) => (data.get(k) ? new Date(String(data.get(k))).toISOString() : null);
        void action.run(() => postJson(`/api/courses/${courseId}/assignments/${assignmentId}/extensions`, { userId: data.get("userId"), dueAt: instant("dueAt"), lateUntil: instant("lateUntil") }), tr(lang, "saved"));
      }}
    >
      <label>
        {tr(lang, "student")}
        <select name="userId" required>
          {students.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.email})
            </option>
          ))}
        </select>
      </label>
      <div className="row">
        <label>
          {tr(lang, "dueAt")}
          <input name="dueAt" type="datetime-local" required />
        </label>
        <label>
          {tr(lang, "lateUntil")}
          <input name="lateUntil" type="datetime-local" />
        </label>
      </div>
      <ActionStatus error={action.error} ok={action.ok} />
      <button type="submit" disabled={action.pending}>
        {tr(lang, "grantExtension")}
      </button>
    </form>
  );
}

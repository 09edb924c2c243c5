"use client";

import { useRouter } from "next/navigation";
import type { CourseFields } from "@/lib/courses/create-course";
import type { Lang } from "@/lib/i18n/messages";
import { tr } from "./messages";
import { postJson } from "./post-json";
import { ActionStatus, useAction } from "./use-action";

function fieldsOf(form: HTMLFormElement): CourseFields {
  const data = new FormData(form);
  return { code: String(data.get("code") ?? ""), title: String(data.get("title") ?? ""), description: String(data.get("description") ?? "") };
}

function CourseFieldInputs({ lang, initial }: { lang: Lang; initial?: CourseFields }) {
  return (
    <>
      <label>
        {tr(lang, "courseCode")}
        <input name="code" required defaultValue={initial?.code} />
      </label>
      <label>
        {tr(lang, "courseTitle")}
        <input name="title" required defaultValue={initial?.title} />
      </label>
      <label>
        {tr(lang, "description")}
        <textarea name="description" rows={3} defaultValue={initial?.description} />
      </label>
    </>
  );
}

/** Creates a course, then opens it. */
export function CreateCourseForm({ lang }: { lang: Lang }) {
  const router = useRouter();
  const action = useAction();
  return (
    <form
      className="form"
      aria-label={tr(lang, "createCourse")}
      onSubmit={async (e) => {
        e.preventDefault();
        const created = await action.run(() => postJson<{ course: { id: string } }>("/api/instructor/courses", fieldsOf(e.currentTarget)));
        if (created) router.push(`/instructor/courses/${created.course.id}`);
      }}
    >
      <CourseFieldInputs lang={lang} />
      <ActionStatus error={action.error} ok={action.ok} />
      <button type="submit" className="primary" disabled={action.pending}>
        {tr(lang, "createCourse")}
      </button>
    </form>
  );
}

export function CourseSettingsForm({ lang, courseId, initial }: { lang: Lang; courseId: string; initial: CourseFields }) {
  const action = useAction();
  return (
    <form
      className="form"
      aria-label={tr(lang, "courseSettings")}
      onSubmit={(e) => {
        e.preventDefault();
        const fields = fieldsOf(e.currentTarget);
        void action.run(() => postJson(`/api/courses/${courseId}/settings`, fields), tr(lang, "saved"));
      }}
    >
      <CourseFieldInputs lang={lang} initial={initial} />
      <ActionStatus error={action.error} ok={action.ok} />
      <button type="submit" disabled={action.pending}>
        {tr(lang, "save")}
      </button>
    </form>
  );
}

export function RotateJoinCodeButton({ lang, courseId }: { lang: Lang; courseId: string }) {
  const action = useAction();
  return (
    <>
      <button
        type="button"
        disabled={action.pending}
        onClick={() => {
          if (window.confirm(tr(lang, "rotateConfirm"))) void action.run(() => postJson(`/api/courses/${courseId}/join-code`, { confirm: true }));
        }}
      >
        {tr(lang, "rotateJoinCode")}
      </button>
      <ActionStatus error={action.error} ok={action.ok} />
    </>
  );
}

export function RemoveMemberButton({ lang, courseId, userId, name }: { lang: Lang; courseId: string; userId: string; name: string }) {
  const action = useAction();
  return (
    <>
      <button
        type="button"
        aria-label={`${tr(lang, "remove")}: ${name}`}
        disabled={action.pending}
        onClick={() => {
          if (window.confirm(tr(lang, "removeConfirm"))) void action.run(() => postJson(`/api/courses/${courseId}/roster/remove`, { userId }));
        }}
      >
        {tr(lang, "remove")}
      </button>
      <ActionStatus error={action.error} ok={action.ok} />
    </>
  );
}

export function AddInstructorForm({ lang, courseId }: { lang: Lang; courseId: string }) {
  const action = useAction();
  return (
    <form
      className="form"
      aria-label={tr(lang, "coInstructors")}
      onSubmit={(e) => {
        e.preventDefault();
        const email = String(new FormData(e.currentTarget).get("email") ?? "");
        void action.run(() => postJson(`/api/courses/${courseId}/instructors`, { email }), tr(lang, "saved"));
      }}
    >
      <label>
        {tr(lang, "coInstructors")} ({lang === "ko" ? "이메일" : "email"})
        <input name="email" type="email" required />
      </label>
      <ActionStatus error={action.error} ok={action.ok} />
      <button type="submit" disabled={action.pending}>
        {tr(lang, "add")}
      </button>
    </form>
  );
}

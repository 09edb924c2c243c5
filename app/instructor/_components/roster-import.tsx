"use client";

import { useState } from "react";
import type { Lang } from "@/lib/i18n/messages";
import type { RosterPreview } from "@/lib/courses/preview-roster-import";
import { tr } from "./messages";
import { postJson } from "./post-json";
import { ActionStatus, useAction } from "./use-action";

/**
 * Roster import in two steps: preview (nothing written; every row shows what will happen or
 * what is wrong), then import, enabled only when the preview has no errors. The server checks
 * everything again inside one transaction.
 */
export function RosterImport({ lang, courseId }: { lang: Lang; courseId: string }) {
  const [csv, setCsv] = useState("");
  const [preview, setPreview] = useState<RosterPreview | null>(null);
  const action = useAction();
  const actionLabel = { add: tr(lang, "actionAdd"), skip: tr(lang, "actionSkip") };
  const url = `/api/courses/${courseId}/roster/import`;
  const blocked = !preview || preview.error !== null || preview.counts.invalid > 0 || preview.rows.length === 0;
  return (
    <section aria-labelledby="roster-import-heading" className="card">
      <h3 id="roster-import-heading">{tr(lang, "importRoster")}</h3>
      <p className="muted">{tr(lang, "importHelp")}</p>
      <div className="form">
        <label>
          {tr(lang, "csvFile")}
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={async (e) => {
              const file = e.currentTarget.files?.[0];
              if (file) {
                setCsv(await file.text());
                setPreview(null);
              }
            }}
          />
        </label>
        <label>
          {tr(lang, "csvText")}
          <textarea
            name="csv"
            rows={6}
            value={csv}
            onChange={(e) => {
              setCsv(e.target.value);
              setPreview(null);
            }}
          />
        </label>
        <div style={{ display: "flex", gap: "0.5rem" }}>
          <button type="button" disabled={!csv || action.pending} onClick={() => void action.run(async () => setPreview(await postJson<RosterPreview>(url, { csv, mode: "preview" })))}>
            {tr(lang, "preview")}
          </button>
          <button
            type="button"
            className="primary"
            disabled={blocked || action.pending}
            onClick={async () => {
              const done = await action.run(() => postJson<{ imported: Record<string, unknown> }>(url, { csv, mode: "commit" }));
              if (done) {
                setPreview(null);
                setCsv("");
              }
            }}
          >
            {tr(lang, "importNow")}
          </button>
        </div>
        <ActionStatus error={action.error ?? preview?.error ?? null} ok={action.ok} />
      </div>
      {preview && preview.rows.length > 0 && (
        <>
          <p role="status" data-testid="roster-preview-counts">
            {tr(lang, "actionAdd")}: {preview.counts.add} · {tr(lang, "actionSkip")}: {preview.counts.skip} · {tr(lang, "invalid")}: {preview.counts.invalid}
          </p>
          <table data-testid="roster-preview">
            <thead>
              <tr>
                <th scope="col">{tr(lang, "line")}</th>
                <th scope="col">Email</th>
                <th scope="col">{lang === "ko" ? "이름" : "Name"}</th>
                <th scope="col">{lang === "ko" ? "학번" : "Student ID"}</th>
                <th scope="col">{tr(lang, "action")}</th>
                <th scope="col">{tr(lang, "problems")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.line}>
                  <td>{r.line}</td>
                  <td>{r.email}</td>
                  <td>{r.name}</td>
                  <td>{r.studentId ?? ""}</td>
                  <td>{r.action ? actionLabel[r.action] : tr(lang, "invalid")}</td>
                  <td className={r.errors.length ? "form-error" : "muted"}>{r.errors.length ? r.errors.join(" ") : (r.note ?? "")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

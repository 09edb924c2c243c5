import Link from "next/link";
import { requireCourseInstructor } from "@/lib/auth/require";
import { getGradebook } from "@/lib/gradebook/get-gradebook";
import { gradebookQuery, type GradebookQuery } from "@/lib/gradebook/gradebook-query";
import { currentLang } from "@/lib/i18n/current-lang";
import { CourseNav } from "../../../_components/course-nav";
import { formatScore } from "../../../_components/format";
import { tr, trCount } from "../../../_components/messages";
import "../../../_components/instructor.css";

type Search = Record<string, string | string[] | undefined>;

/** Search params as the query; anything invalid falls back to the default view rather than failing. */
function parseQuery(search: Search): GradebookQuery {
  const flat = Object.fromEntries(Object.entries(search).flatMap(([k, v]) => (typeof v === "string" && v !== "" ? [[k, v]] : [])));
  const parsed = gradebookQuery.safeParse(flat);
  return parsed.success ? parsed.data : gradebookQuery.parse({});
}

export default async function GradebookPage({ params, searchParams }: { params: Promise<{ courseId: string }>; searchParams: Promise<Search> }) {
  const { courseId } = await params;
  const { course } = await requireCourseInstructor(courseId);
  const query = parseQuery(await searchParams);
  const [book, lang] = await Promise.all([getGradebook(courseId, query), currentLang()]);
  const base = `/instructor/courses/${courseId}`;
  const href = (changes: Partial<GradebookQuery>) => {
    const q = { ...query, ...changes };
    const p = new URLSearchParams({ sort: q.sort, dir: q.dir, page: String(q.page), pageSize: String(q.pageSize), flag: q.flag, ...(q.q && { q: q.q }) });
    return `${base}/grades?${p}`;
  };
  const sortHeader = (key: string, label: string) => {
    const active = query.sort === key;
    const dir = active && query.dir === "asc" ? "desc" : "asc";
    return (
      <th scope="col" aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : "none"}>
        <Link href={href({ sort: key, dir, page: 1 })}>
          {label}
          {active ? (query.dir === "asc" ? " ▲" : " ▼") : ""}
        </Link>
      </th>
    );
  };
  return (
    <>
      <h1>{course.title}</h1>
      <CourseNav lang={lang} courseId={courseId} current="grades" />
      <h2>{tr(lang, "gradebook")}</h2>
      <p>
        <a className="button" href={`/api/courses/${courseId}/export/csv`} download data-testid="export-csv">
          {tr(lang, "exportCsv")}
        </a>{" "}
        <a className="button" href={`/api/courses/${courseId}/export/json`} download>
          {tr(lang, "exportJson")}
        </a>
      </p>
      <form method="get" action={`${base}/grades`} className="toolbar" role="search">
        <label>
          {tr(lang, "search")}
          <input name="q" defaultValue={query.q} />
        </label>
        <label>
          {tr(lang, "filter")}
          <select name="flag" defaultValue={query.flag}>
            <option value="all">{tr(lang, "all")}</option>
            <option value="late">{tr(lang, "lateOnly")}</option>
            <option value="missing">{tr(lang, "missing")}</option>
            <option value="overridden">{tr(lang, "overridden")}</option>
          </select>
        </label>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <input type="hidden" name="pageSize" value={query.pageSize} />
        <button type="submit">{tr(lang, "apply")}</button>
      </form>
      <p className="muted" data-testid="gradebook-count">
        {trCount(lang, "students", book.totalRows)}
      </p>
      <div className="table-scroll">
        <table className="gradebook" data-testid="gradebook">
          <caption className="muted" style={{ textAlign: "left" }}>
            {lang === "ko" ? "최종 점수 (지각 감점, 수동 조정 반영) · 제출 수" : "Final score (after late penalties and overrides) · attempts"}
          </caption>
          <thead>
            <tr>
              {sortHeader("name", lang === "ko" ? "이름" : "Name")}
              {sortHeader("email", "Email")}
              {sortHeader("studentId", lang === "ko" ? "학번" : "Student ID")}
              {book.assignments.map((a) => (
                <th key={a.id} scope="col" aria-sort={query.sort === `a:${a.id}` ? (query.dir === "asc" ? "ascending" : "descending") : "none"}>
                  <Link href={href({ sort: `a:${a.id}`, dir: query.sort === `a:${a.id}` && query.dir === "desc" ? "asc" : "desc", page: 1 })}>{a.title}</Link>
                  <div className="sub">
                    / {formatScore(a.maxScore)}
                    {!a.published && ` · ${tr(lang, "draft")}`}
                  </div>
                </th>
              ))}
              {sortHeader("total", tr(lang, "total"))}
            </tr>
          </thead>
          <tbody>
            {book.rows.map((r) => (
              <tr key={r.id} data-student={r.email}>
                <th scope="row">
                  <Link href={`${base}/grades/${r.id}`}>{r.name}</Link>
                </th>
                <td>{r.email}</td>
                <td>{r.studentId ?? ""}</td>
                {book.assignments.map((a) => {
                  const c = r.cells[a.id];
                  return (
                    <td key={a.id} data-assignment={a.id} data-score={c.score ?? ""}>
                      <span>{formatScore(c.score)}</span>
                      {c.late && <span className="late"> {tr(lang, "late")}</span>}
                      {c.overridden && <span className="badge">{tr(lang, "overrideMark")}</span>}
                      <div className="sub">
                        {trCount(lang, "attempts", c.attempts)}
                      </div>
                    </td>
                  );
                })}
                <td>
                  {formatScore(r.total)} <span className="sub">/ {formatScore(r.totalMax)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label={tr(lang, "page")}>
        {query.page > 1 ? <Link href={href({ page: query.page - 1 })}>{tr(lang, "previous")}</Link> : <span className="muted">{tr(lang, "previous")}</span>}
        <span>
          {tr(lang, "page")} {book.page} {tr(lang, "of")} {book.pageCount}
        </span>
        {query.page < book.pageCount ? <Link href={href({ page: query.page + 1 })}>{tr(lang, "next")}</Link> : <span className="muted">{tr(lang, "next")}</span>}
      </nav>
    </>
  );
}

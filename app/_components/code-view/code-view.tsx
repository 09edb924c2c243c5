import type { ReactNode } from "react";
import { highlightSource } from "@/lib/feedback/highlight-source";
import "./code-view.css";

type Comment = { id: string; line: number; body: string; author: string | null };

/**
 * Read-only code with line numbers and syntax highlighting, and the line comments under the
 * lines they belong to. `commentActions` renders staff controls beside a comment (delete).
 */
export function CodeView({ source, comments, label, commentActions }: { source: string; comments: readonly Comment[]; label: string; commentActions?: (comment: Comment) => ReactNode }) {
  const lines = highlightSource(source);
  const byLine = new Map<number, Comment[]>();
  for (const c of comments) byLine.set(c.line, [...(byLine.get(c.line) ?? []), c]);
  return (
    <div className="code-view" role="region" aria-label={label} tabIndex={0} data-testid="code-view">
      <table>
        <tbody>
          {lines.map((tokens, i) => {
            const n = i + 1;
            return [
              <tr key={`l${n}`} id={`L${n}`} className={byLine.has(n) ? "commented" : undefined}>
                <td className="line-number" aria-hidden="true">
                  {n}
                </td>
                <td className="line-code">
                  <code>
                    {tokens.map((t, k) =>
                      t.kind === "plain" ? (
                        t.text
                      ) : (
                        <span key={k} className={`tok-${t.kind}`}>
                          {t.text}
                        </span>
                      ),
                    )}
                  </code>
                </td>
              </tr>,
              ...(byLine.get(n) ?? []).map((c) => (
                <tr key={c.id} className="line-comment" data-testid="line-comment" data-line={n}>
                  <td className="line-number">
                    <span className="visually-hidden">{n}</span>💬
                  </td>
                  <td>
                    <p style={{ whiteSpace: "pre-wrap" }}>{c.body}</p>
                    <p className="muted small">
                      {c.author ?? "—"} {commentActions?.(c)}
                    </p>
                  </td>
                </tr>
              )),
            ];
          })}
        </tbody>
      </table>
    </div>
  );
}

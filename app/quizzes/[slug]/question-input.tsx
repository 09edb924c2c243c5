"use client";

import { useId } from "react";
import type { Lang } from "@/lib/i18n/messages";
import type { PublicQuestion } from "@/lib/quiz/public-question";
import type { LocalizedText } from "@/lib/quiz/question-schema";
import { Markdown } from "./markdown";

type Q = PublicQuestion<LocalizedText>;
export type Response = Record<string, unknown> | undefined;

const L = {
  ko: { true: "참", false: "거짓", up: "위로", down: "아래로", choose: "선택하세요", answer: "답", output: "출력", code: "코드", move: (t: string, d: string) => `“${t}” ${d} 이동`, pos: (i: number, n: number) => `${i}/${n}번째` },
  en: { true: "True", false: "False", up: "Up", down: "Down", choose: "Choose…", answer: "Answer", output: "Output", code: "Code", move: (t: string, d: string) => `Move “${t}” ${d.toLowerCase()}`, pos: (i: number, n: number) => `position ${i} of ${n}` },
} as const;

/** The answer control for one question; `value` is the response in the shape the server grades. */
export function QuestionInput({ q, lang, value, onChange, disabled }: { q: Q; lang: Lang; value: Response; onChange: (r: Response) => void; disabled: boolean }) {
  const t = L[lang];
  const id = useId();
  const name = `q-${q.id}`;
  switch (q.type) {
    case "single":
      return (
        <div role="radiogroup" aria-labelledby={`${name}-prompt`} className="choices">
          {q.options.map((o) => (
            <label key={o.id} className="choice">
              <input type="radio" name={name} value={o.id} disabled={disabled} checked={value?.optionId === o.id} onChange={() => onChange({ type: "single", optionId: o.id })} />
              <Markdown inline text={o.text[lang]} />
            </label>
          ))}
        </div>
      );
    case "multiple": {
      const chosen = (value?.optionIds as string[] | undefined) ?? [];
      return (
        <div role="group" aria-labelledby={`${name}-prompt`} className="choices">
          {q.options.map((o) => (
            <label key={o.id} className="choice">
              <input
                type="checkbox"
                name={name}
                value={o.id}
                disabled={disabled}
                checked={chosen.includes(o.id)}
                onChange={(e) => onChange({ type: "multiple", optionIds: e.target.checked ? [...chosen, o.id] : chosen.filter((x) => x !== o.id) })}
              />
              <Markdown inline text={o.text[lang]} />
            </label>
          ))}
        </div>
      );
    }
    case "truefalse":
      return (
        <div role="radiogroup" aria-labelledby={`${name}-prompt`} className="choices inline">
          {[true, false].map((v) => (
            <label key={String(v)} className="choice">
              <input type="radio" name={name} disabled={disabled} checked={value?.value === v} onChange={() => onChange({ type: "truefalse", value: v })} />
              {v ? t.true : t.false}
            </label>
          ))}
        </div>
      );
    case "ordering": {
      const order = (value?.order as string[] | undefined) ?? q.items.map((i) => i.id);
      const text = (itemId: string) => q.items.find((i) => i.id === itemId)?.text[lang] ?? itemId;
      const move = (from: number, to: number) => {
        const next = [...order];
        const [item] = next.splice(from, 1);
        next.splice(to, 0, item as string);
        onChange({ type: "ordering", order: next });
      };
      return (
        <ol className="ordering" aria-labelledby={`${name}-prompt`}>
          {order.map((itemId, i) => (
            <li key={itemId} data-item={itemId}>
              <span className="ordering-text">
                <Markdown inline text={text(itemId)} />
              </span>
              <span className="sr-only">{t.pos(i + 1, order.length)}</span>
              <button type="button" disabled={disabled || i === 0} onClick={() => move(i, i - 1)} aria-label={t.move(text(itemId), t.up)}>
                ↑
              </button>
              <button type="button" disabled={disabled || i === order.length - 1} onClick={() => move(i, i + 1)} aria-label={t.move(text(itemId), t.down)}>
                ↓
              </button>
            </li>
          ))}
        </ol>
      );
    }
    case "matching": {
      const pairs = (value?.pairs as Record<string, string> | undefined) ?? {};
      return (
        <div className="matching" role="group" aria-labelledby={`${name}-prompt`}>
          {q.left.map((l) => (
            <div key={l.id} className="matching-row">
              <label htmlFor={`${id}-${l.id}`}>
                <Markdown inline text={l.text[lang]} />
              </label>
              <select
                id={`${id}-${l.id}`}
                data-left={l.id}
                disabled={disabled}
                value={pairs[l.id] ?? ""}
                onChange={(e) => {
                  const next = { ...pairs };
                  if (e.target.value) next[l.id] = e.target.value;
                  else delete next[l.id];
                  onChange({ type: "matching", pairs: next });
                }}
              >
                <option value="">{t.choose}</option>
                {q.right.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.text[lang]}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
      );
    }
    case "numeric":
      return (
        <p className="numeric">
          <label htmlFor={`${id}-n`}>{t.answer} </label>
          <input
            id={`${id}-n`}
            type="number"
            step="any"
            inputMode="decimal"
            disabled={disabled}
            value={typeof value?.value === "number" ? String(value.value) : ""}
            onChange={(e) => onChange(e.target.value === "" || !Number.isFinite(Number(e.target.value)) ? undefined : { type: "numeric", value: Number(e.target.value) })}
          />{" "}
          {q.unit?.[lang]}
        </p>
      );
    case "code-output":
      return (
        <div className="code-output">
          <pre aria-label={t.code}>
            <code>{q.code}</code>
          </pre>
          <label htmlFor={`${id}-out`}>{t.output}</label>
          <textarea
            id={`${id}-out`}
            rows={4}
            spellCheck={false}
            disabled={disabled}
            value={typeof value?.output === "string" ? value.output : ""}
            onChange={(e) => onChange(e.target.value === "" ? undefined : { type: "code-output", output: e.target.value })}
          />
        </div>
      );
  }
}

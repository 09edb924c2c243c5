"use client";

import { useCallback, useEffect, useId, useState } from "react";
import type { Lang } from "@/lib/i18n/messages";
import type { BankRaceSetup, BankRaceState } from "@/lib/widgets/bank-race";
import { useKernel } from "./use-kernel";

const SETUP: BankRaceSetup = { initial: 100, deposit: 50, withdrawal: 30 };

const L = {
  ko: {
    title: "내가 스케줄러: 은행 잔액 경쟁",
    intro: `공유 메모리의 잔액은 ${SETUP.initial}입니다. P1은 ${SETUP.deposit}을 입금하고 P2는 ${SETUP.withdrawal}을 출금합니다. 다음 단계를 실행할 프로세스를 고르세요. 각 단계는 시뮬레이션 커널에서 실제로 실행됩니다.`,
    step: (p: string) => `${p}의 다음 단계 실행`,
    shared: "공유 잔액",
    local: "지역 변수(레지스터)",
    log: "이벤트 로그",
    reset: "처음부터",
    losing: "갱신을 잃는 스케줄 보기",
    running: "커널 실행 중…",
    done: "끝남",
    lines: (amount: string) => ["v = await mem.load(0)   // load", `v = v ${amount}          // add`, "await mem.store(0, v)   // store"],
    onlyOne: "남은 프로세스가 하나뿐이라 커널이 끝까지 실행했습니다.",
    result: (final: number, expected: number) => `최종 잔액 ${final} (직렬 실행이라면 ${expected})`,
    none: "갱신이 하나도 사라지지 않았습니다. 하지만 다른 순서에서는 사라질 수 있습니다.",
    "deposit-lost": "갱신 손실: P1의 입금이 P2의 store에 덮어써졌습니다.",
    "withdrawal-lost": "갱신 손실: P2의 출금이 P1의 store에 덮어써졌습니다.",
    empty: "아직 아무 단계도 실행하지 않았습니다.",
  },
  en: {
    title: "You are the scheduler: the bank-balance race",
    intro: `The balance in shared memory is ${SETUP.initial}. P1 deposits ${SETUP.deposit}, P2 withdraws ${SETUP.withdrawal}. Choose which process takes the next step; every step really runs on the simulated kernel.`,
    step: (p: string) => `Run ${p}'s next step`,
    shared: "Shared balance",
    local: "Local variable (register)",
    log: "Event log",
    reset: "Start over",
    losing: "Show a losing schedule",
    running: "Running the kernel…",
    done: "finished",
    lines: (amount: string) => ["v = await mem.load(0)   // load", `v = v ${amount}          // add`, "await mem.store(0, v)   // store"],
    onlyOne: "Only one process was left, so the kernel ran it to the end.",
    result: (final: number, expected: number) => `Final balance ${final} (a serial run gives ${expected})`,
    none: "No update was lost this time, but another order can lose one.",
    "deposit-lost": "Lost update: P2's store overwrote P1's deposit.",
    "withdrawal-lost": "Lost update: P1's store overwrote P2's withdrawal.",
    empty: "No step has run yet.",
  },
} as const;

export function BankRaceWidget({ lang }: { lang: Lang }) {
  const t = L[lang];
  const run = useKernel();
  const headingId = useId();
  const [state, setState] = useState<BankRaceState | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const go = useCallback(
    async (choices: number[]) => {
      setBusy(true);
      setError(null);
      try {
        setState((await run({ kind: "bank-race", setup: SETUP, choices })) as BankRaceState);
      } catch (e) {
        setError((e as Error).message);
      } finally {
        setBusy(false);
      }
    },
    [run],
  );

  useEffect(() => {
    let cancelled = false;
    run({ kind: "bank-race", setup: SETUP, choices: [] })
      .then((s) => !cancelled && setState(s as BankRaceState))
      .catch((e: Error) => !cancelled && setError(e.message));
    return () => {
      cancelled = true;
    };
  }, [run]);

  const showLosing = async () => {
    setBusy(true);
    try {
      const choices = (await run({ kind: "bank-race-losing", setup: SETUP })) as number[];
      await go(choices);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  const expected = SETUP.initial + SETUP.deposit - SETUP.withdrawal;
  return (
    <section className="widget bank-race" aria-labelledby={headingId} data-testid="widget-bank-race">
      <h3 id={headingId}>{t.title}</h3>
      <p>{t.intro}</p>
      <div className="race-grid">
        {(state?.processes ?? []).map((p) => {
          const amount = p.label === "P1" ? `+ ${SETUP.deposit}` : `- ${SETUP.withdrawal}`;
          const current = p.done === 0 ? 0 : p.done === 1 ? 2 : 3;
          return (
            <div className="race-proc" key={p.pid} data-testid={`race-${p.label}`}>
              <h4>
                {p.label} {p.done === 2 && <span className="badge">{t.done}</span>}
              </h4>
              <ol className="race-code">
                {t.lines(amount).map((line, i) => (
                  <li key={i} className={i < current ? "done" : i === current ? "next" : ""} aria-current={i === current ? "step" : undefined}>
                    <code>{line}</code>
                  </li>
                ))}
              </ol>
              <p>
                {t.local}: <strong data-testid={`local-${p.label}`}>{p.local ?? "–"}</strong>
              </p>
              <button type="button" className="primary" disabled={busy || !state?.ready.includes(p.pid)} onClick={() => go([...(state?.choices ?? []), p.pid])}>
                {t.step(p.label)}
              </button>
            </div>
          );
        })}
        <div className="race-shared">
          <p>{t.shared}</p>
          <output data-testid="race-shared" aria-label={t.shared}>
            {state?.shared ?? SETUP.initial}
          </output>
        </div>
      </div>
      <h4>{t.log}</h4>
      <ol className="race-log" aria-live="polite" data-testid="race-log">
        {state && state.log.length === 0 && <li className="muted">{t.empty}</li>}
        {state?.log.map((e, i) => (
          <li key={i}>
            P{e.pid}: {e.text}
          </li>
        ))}
      </ol>
      {state?.finished && state.final !== null && state.outcome && (
        <div className={`race-result ${state.outcome === "none" ? "ok" : "lost"}`} role="status" data-testid="race-result">
          <strong>{t.result(state.final, expected)}</strong> — {t[state.outcome]}
          <br />
          <span className="muted">{t.onlyOne}</span>
        </div>
      )}
      {busy && <p className="muted">{t.running}</p>}
      {error && <p role="alert" className="form-error">{error}</p>}
      <div className="widget-actions">
        <button type="button" onClick={() => go([])} disabled={busy}>
          {t.reset}
        </button>
        <button type="button" onClick={showLosing} disabled={busy}>
          {t.losing}
        </button>
      </div>
    </section>
  );
}

"use client";

import { useEffect, useId, useState } from "react";
import type { Lang } from "@/lib/i18n/messages";
import { PIPELINE_NAMES, type PipelineRun } from "@/lib/widgets/pipeline";
import { useKernel } from "./use-kernel";

const L = {
  ko: {
    title: "파이프라인: cat access.log | grep ERROR | wc -l",
    intro: "셸이 파이프 두 개를 만들고 spawn(stdin/stdout = 자식의 dup2)으로 세 프로세스를 연결한 뒤, 자기 복사본을 닫고 기다립니다. 커널 추적을 한 단계씩 따라가 보세요.",
    forget: "첫 파이프의 쓰기 끝 닫는 것을 잊기 (셸)",
    prev: "이전",
    next: "다음",
    step: "추적 단계",
    pipe1: "파이프 1 (cat → grep)",
    pipe2: "파이프 2 (grep → wc)",
    bytes: "바이트 버퍼됨",
    output: "최종 출력 (wc -l)",
    deadlock: "교착 상태! 커널 보고:",
    event: "이벤트",
    states: { running: "실행 중", blocked: "블록됨", exited: "종료", "not started": "시작 전" },
    loading: "커널 실행 중…",
  },
  en: {
    title: "Pipeline: cat access.log | grep ERROR | wc -l",
    intro: "The shell makes two pipes, connects three processes with spawn (stdin/stdout = dup2 in the child), closes its own copies and waits. Step through the kernel's trace.",
    forget: "Forget to close the first pipe's write end (in the shell)",
    prev: "Previous",
    next: "Next",
    step: "Trace step",
    pipe1: "Pipe 1 (cat → grep)",
    pipe2: "Pipe 2 (grep → wc)",
    bytes: "bytes buffered",
    output: "Final output (wc -l)",
    deadlock: "Deadlock! The kernel reports:",
    event: "Event",
    states: { running: "running", blocked: "blocked", exited: "exited", "not started": "not started" },
    loading: "Running the kernel…",
  },
} as const;

function describe(e: PipelineRun["frames"][number]["event"]): string {
  const who = `${PIPELINE_NAMES[e.pid] ?? `pid ${e.pid}`}`;
  switch (e.kind) {
    case "syscall":
      return `${who}: ${e.name}(${(e.args ?? []).map((a) => JSON.stringify(a)).join(", ")}) → ${e.errno ?? JSON.stringify(e.result)}`;
    case "block":
      return `${who}: ${e.name} blocks on ${e.on}`;
    case "wake":
      return `${who}: wakes up (${e.name})`;
    case "exit":
      return `${who}: exits ${JSON.stringify(e.status)}`;
    case "start":
      return `${who}: starts`;
    default:
      return `${who}: ${e.kind}`;
  }
}

export function PipePipelineWidget({ lang }: { lang: Lang }) {
  const t = L[lang];
  const run = useKernel();
  const headingId = useId();
  const sliderId = useId();
  const [forget, setForget] = useState(false);
  const [result, setResult] = useState<PipelineRun | null>(null);
  const [index, setIndex] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    run({ kind: "pipeline", forgetClose: forget })
      .then((r) => {
        if (cancelled) return;
        setResult(r as PipelineRun);
        setIndex(0);
      })
      .catch((e: Error) => !cancelled && setError(e.message));
    return () => {
      cancelled = true;
    };
  }, [forget, run]);

  const frames = result?.frames ?? [];
  const frame = frames[Math.min(index, frames.length - 1)];
  const last = index >= frames.length - 1;
  const capacity = 96;

  return (
    <section className="widget pipeline" aria-labelledby={headingId} data-testid="widget-pipe-pipeline">
      <h3 id={headingId}>{t.title}</h3>
      <p>{t.intro}</p>
      <label className="check">
        <input
          type="checkbox"
          checked={forget}
          onChange={(e) => {
            // Show "running" until the other variant's trace arrives, never the old trace under the new setting.
            setForget(e.target.checked);
            setResult(null);
          }}
        />{" "}
        {t.forget}
      </label>
      {!result && !error && <p className="muted">{t.loading}</p>}
      {error && <p role="alert" className="form-error">{error}</p>}
      {frame && (
        <>
          <div className="pipeline-row">
            {[2, 3, 4].map((pid, i) => (
              <div key={pid} className="pipeline-stage">
                <div className={`proc-box ${frame.states[pid]?.replace(" ", "-")}`}>
                  <strong>{PIPELINE_NAMES[pid]}</strong>
                  <span>{t.states[frame.states[pid] ?? "not started"]}</span>
                </div>
                {i < 2 && (
                  <div className="pipe-box" aria-label={i === 0 ? t.pipe1 : t.pipe2}>
                    <span className="pipe-name">{i === 0 ? t.pipe1 : t.pipe2}</span>
                    <meter min={0} max={capacity} value={frame.buffered[i as 0 | 1]} aria-label={`${i === 0 ? t.pipe1 : t.pipe2}: ${t.bytes}`} />
                    <span>
                      {frame.buffered[i as 0 | 1]} {t.bytes}
                    </span>
                  </div>
                )}
              </div>
            ))}
          </div>
          <p className="muted">
            sh: {t.states[frame.states[1] ?? "not started"]}
          </p>
          <div className="stepper">
            <button type="button" onClick={() => setIndex((i) => Math.max(0, i - 1))} disabled={index === 0}>
              ◀ {t.prev}
            </button>
            <label htmlFor={sliderId}>
              {t.step} {index + 1} / {frames.length}
            </label>
            <input id={sliderId} type="range" min={0} max={frames.length - 1} value={index} onChange={(e) => setIndex(Number(e.target.value))} />
            <button type="button" onClick={() => setIndex((i) => Math.min(frames.length - 1, i + 1))} disabled={last}>
              {t.next} ▶
            </button>
          </div>
          <p aria-live="polite" className="trace-line">
            <span className="muted">{t.event}:</span> <code>{describe(frame.event)}</code>
          </p>
          {last && result?.outcome === "completed" && (
            <p role="status">
              {t.output}: <output data-testid="pipeline-output">{result.output.trim()}</output>
            </p>
          )}
          {last && result?.outcome !== "completed" && (
            <div role="status" className="race-result lost" data-testid="pipeline-deadlock">
              <strong>{t.deadlock}</strong>
              <ul>
                {result?.deadlock?.map((d) => (
                  <li key={d.pid}>
                    {PIPELINE_NAMES[d.pid] ?? d.name} (pid {d.pid}): {d.waitsFor}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </section>
  );
}

"use client";

import { useEffect, useId, useState } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Lang } from "@/lib/i18n/messages";
import { SIZES, type CostRow } from "@/lib/widgets/ipc-cost";
import { useKernel } from "./use-kernel";

const L = {
  ko: {
    title: "IPC 비용 비교",
    intro: "같은 N 바이트를 파이프, 메시지 큐, 공유 메모리, AF_UNIX 소켓, AF_INET 소켓으로 옮기고 커널 카운터를 잽니다.",
    size: "전송 크기",
    loading: "커널 실행 중…",
    names: { pipe: "파이프", msgqueue: "메시지 큐", shm: "공유 메모리", unix: "AF_UNIX", inet: "AF_INET" },
    short: { pipe: "파이프", msgqueue: "MQ", shm: "공유메모리", unix: "UNIX", inet: "INET" },
    metrics: { virtualTimeNs: "가상 시간 (ns)", bytesCopied: "복사된 바이트", syscalls: "시스템 콜", modeSwitches: "모드 전환" },
    table: "측정값 표",
    note: "공유 메모리는 커널을 거치지 않으므로 복사한 바이트가 0이고 시스템 콜도 거의 없습니다. 데이터가 클수록 차이가 커집니다. 다만 실제 프로그램에서는 세마포어 같은 동기화 비용이 따로 듭니다.",
    mechanism: "방식",
  },
  en: {
    title: "What IPC costs",
    intro: "Move the same N bytes through a pipe, a message queue, shared memory, an AF_UNIX socket and an AF_INET socket, and read the kernel's counters.",
    size: "Transfer size",
    loading: "Running the kernel…",
    names: { pipe: "pipe", msgqueue: "message queue", shm: "shared memory", unix: "AF_UNIX socket", inet: "AF_INET socket" },
    short: { pipe: "pipe", msgqueue: "MQ", shm: "shm", unix: "UNIX", inet: "INET" },
    metrics: { virtualTimeNs: "Virtual time (ns)", bytesCopied: "Bytes copied", syscalls: "System calls", modeSwitches: "Mode switches" },
    table: "Measurements",
    note: "Shared memory bypasses the kernel: zero bytes copied and almost no system calls, so the gap grows with the data size. Real programs still pay for synchronisation (a semaphore here) on top.",
    mechanism: "Mechanism",
  },
} as const;

const METRICS = ["virtualTimeNs", "bytesCopied", "syscalls", "modeSwitches"] as const;
const COLORS = { virtualTimeNs: "#1f5fbf", bytesCopied: "#b54708", syscalls: "#067647", modeSwitches: "#6941c6" };

export function IpcCostWidget({ lang }: { lang: Lang }) {
  const t = L[lang];
  const run = useKernel();
  const headingId = useId();
  const selectId = useId();
  const [bytes, setBytes] = useState<number>(4096);
  const [measured, setMeasured] = useState<{ bytes: number; rows: CostRow[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    run({ kind: "ipc-cost", bytes })
      .then((r) => !cancelled && setMeasured({ bytes, rows: r as CostRow[] }))
      .catch((e: Error) => !cancelled && setError(e.message));
    return () => {
      cancelled = true;
    };
  }, [bytes, run]);

  // Rows of another size are stale while the new measurement runs.
  const rows = measured?.bytes === bytes ? measured.rows : null;
  const data = (rows ?? []).map((r) => ({ name: t.short[r.mechanism], ...r.counters }));
  const compact = new Intl.NumberFormat(lang === "ko" ? "ko-KR" : "en-US", { notation: "compact" });
  return (
    <section className="widget ipc-cost" aria-labelledby={headingId} data-testid="widget-ipc-cost">
      <h3 id={headingId}>{t.title}</h3>
      <p>{t.intro}</p>
      <label htmlFor={selectId}>{t.size} </label>
      <select id={selectId} value={bytes} onChange={(e) => setBytes(Number(e.target.value))}>
        {SIZES.map((s) => (
          <option key={s} value={s}>
            {s >= 1024 ? `${s / 1024} KiB` : `${s} B`}
          </option>
        ))}
      </select>
      {!rows && !error && <p className="muted">{t.loading}</p>}
      {error && <p role="alert" className="form-error">{error}</p>}
      {rows && (
        <>
          <div className="cost-charts">
            {METRICS.map((m) => (
              <figure key={m} className="cost-chart">
                <figcaption>{t.metrics[m]}</figcaption>
                <div aria-hidden="true" style={{ width: "100%", height: 200 }}>
                  <ResponsiveContainer width="100%" height="100%">
                    <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
                      <CartesianGrid strokeDasharray="3 3" />
                      <XAxis dataKey="name" fontSize={11} interval={0} />
                      <YAxis fontSize={11} width={48} tickFormatter={(v: number) => compact.format(v)} />
                      <Tooltip />
                      <Bar dataKey={m} fill={COLORS[m]} isAnimationActive={false} />
                    </BarChart>
                  </ResponsiveContainer>
                </div>
              </figure>
            ))}
          </div>
          <p className="muted">{t.note}</p>
          <table data-testid="cost-table">
            <caption>{t.table}</caption>
            <thead>
              <tr>
                <th scope="col">{t.mechanism}</th>
                {METRICS.map((m) => (
                  <th scope="col" key={m}>
                    {t.metrics[m]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.mechanism}>
                  <th scope="row">{t.names[r.mechanism]}</th>
                  {METRICS.map((m) => (
                    <td key={m}>{Math.round(r.counters[m]).toLocaleString(lang === "ko" ? "ko-KR" : "en-US")}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/**
 * A failure class (lib/kernel/failure-class) explained in Korean or English, from its
 * evidence: a short title and a few sentences naming the processes, objects and steps
 * involved, for the results panel, the instructor view and the CLI. Pure: no Node or DOM APIs.
 *
 *   Deadlock: pid 1 (worker) waits for mutex "B", held by pid 2 (worker); pid 2 (worker) waits for mutex "A", held by pid 1 (worker).
 */
import type { FailureClass, ObjectRef, ProcessRef, TraceRef, WaitEdge } from "../kernel/failure-class";
import type { Lang } from "./types";

export type FailureExplanation = { title: string; text: string };

export const FAILURE_CLASS_TITLES: Record<FailureClass["kind"], Record<Lang, string>> = {
  deadlock: { ko: "교착 상태", en: "Deadlock" },
  "lost-update": { ko: "갱신 손실", en: "Lost update" },
  "lock-not-released": { ko: "해제되지 않은 잠금", en: "Lock never released" },
  edeadlk: { ko: "EDEADLK: 이미 가진 잠금을 다시 잠금", en: "EDEADLK: locking a lock already held" },
  zombie: { ko: "좀비 프로세스", en: "Zombie left behind" },
  "lost-wakeup": { ko: "잃어버린 깨우기", en: "Lost wakeup" },
  "signal-fatal": { ko: "시그널로 종료됨", en: "Killed by a signal" },
  "signal-lost": { ko: "잃어버린 시그널", en: "Lost signal" },
  "runtime-error": { ko: "실행 중 오류", en: "Runtime error" },
  "wrong-result": { ko: "잘못된 결과", en: "Wrong result" },
  unclassified: { ko: "분류되지 않은 실패", en: "Unclassified failure" },
};

const proc = (p: ProcessRef, lang: Lang) => (lang === "ko" ? `pid ${p.pid}(${p.name})` : `pid ${p.pid} (${p.name})`);
const pid = (n: number) => `pid ${n}`;
const at = (r: TraceRef | null | undefined, lang: Lang) => (r ? (lang === "ko" ? ` (단계 ${r.step})` : ` (step ${r.step})`) : "");

function object(o: ObjectRef, lang: Lang): string {
  switch (o.kind) {
    case "mutex":
      return lang === "ko" ? `뮤텍스 "${o.name}"` : `mutex "${o.name}"`;
    case "semaphore":
      return lang === "ko" ? `세마포어 ${o.name}` : `semaphore ${o.name}`;
    case "pipe":
      return lang === "ko" ? `파이프 ${o.id}의 ${o.end === "read" ? "읽기" : "쓰기"} 끝(fd ${o.fd})` : `the ${o.end} end of pipe ${o.id} (fd ${o.fd})`;
    case "children":
      return lang === "ko" ? `자식 ${o.pids.map(pid).join(", ")}의 종료` : `child ${o.pids.map(pid).join(", ")} to exit`;
    case "signal":
      return lang === "ko" ? `${o.call}()에서 시그널` : `a signal in ${o.call}()`;
    case "queue":
      return lang === "ko" ? `메시지 큐 ${o.id}` : `message queue ${o.id}`;
    case "other":
      return o.description;
  }
}

function waitSentence(w: WaitEdge, lang: Lang): string {
  const who = proc(w.process, lang);
  const holders = w.heldBy.map((h) => (h.fd !== undefined ? (lang === "ko" ? `${pid(h.pid)}(fd ${h.fd})` : `${pid(h.pid)} (fd ${h.fd})`) : pid(h.pid)));
  const self = w.heldBy.some((h) => h.pid === w.process.pid);
  if (w.object.kind === "pipe") {
    const other = w.object.end === "read" ? (lang === "ko" ? "쓰기 끝" : "write end") : lang === "ko" ? "읽기 끝" : "read end";
    if (lang === "ko") return `${who}이(가) ${object(w.object, lang)}에서 기다리는데, ${other}이 ${holders.join(", ") || "아무도 없이"}에 열려 있습니다${self ? " (자기 자신 포함)" : ""}`;
    return `${who} waits on ${object(w.object, lang)} while the ${other} is still open in ${holders.join(", ") || "no process"}${self ? " (itself included)" : ""}`;
  }
  if (lang === "ko") return `${who}이(가) ${object(w.object, lang)}을(를) 기다립니다${holders.length ? ` (${holders.join(", ")}이(가) 풀어 줄 수 있음)` : ""}`;
  return `${who} waits for ${object(w.object, lang)}${holders.length ? `, held by ${holders.join(", ")}` : ""}`;
}

function body(c: FailureClass, lang: Lang): string {
  const ko = lang === "ko";
  switch (c.kind) {
    case "deadlock": {
      const waits = c.evidence.waits.map((w) => waitSentence(w, lang)).join("; ");
      if (!c.evidence.cycle) {
        return ko
          ? `모든 프로세스가 잠들어 있고, 아무도 깨워 줄 수 없습니다: ${waits}. 기다리는 일을 해 줄 프로세스가 남아 있는지 확인하세요.`
          : `Every process is asleep and none can wake the others: ${waits}. Check that someone is left to do what each one waits for.`;
      }
      if (c.evidence.waits.length === 1 && c.evidence.waits[0].object.kind === "pipe") {
        return ko
          ? `${waits}. 파이프는 모든 쓰기 끝이 닫혀야 EOF가 됩니다: 쓰지 않는 끝은 (부모에서도, 자식에서도) 바로 닫으세요.`
          : `${waits}. A pipe reports EOF only when every write end is closed: close the ends a process does not use, in the parent and in each child.`;
      }
      return ko
        ? `프로세스들이 서로를 기다리는 순환이 생겼습니다: ${waits}. 모든 프로세스가 같은 순서로 잠금을 얻으면 순환이 생기지 않습니다.`
        : `The processes wait for each other in a cycle: ${waits}. Taking locks in one global order (every process the same) makes such a cycle impossible.`;
    }
    case "lost-update": {
      const e = c.evidence;
      if (!e.happened) {
        return ko
          ? `${proc(e.writer, lang)}이(가) 공유 메모리 칸 [${e.cell}]을(를) 읽고${at(e.read, lang)} 그 값으로 계산해 다시 저장합니다${at(e.store, lang)}. ${proc(e.other, lang)}도 같은 칸에 쓰는데${at(e.overwritten, lang)}, 잠금도 다른 동기화도 그 쓰기를 읽기 전이나 저장 뒤로 묶어 두지 않습니다. 이 실행에서는 우연히 겹치지 않았지만, 그 쓰기가 둘 사이에 끼어드는 스케줄에서는 갱신 하나가 사라집니다. 읽기-계산-쓰기 전체가 하나의 임계 구역이어야 합니다 (잠금, 또는 fetchAdd/compareExchange).`
          : `${proc(e.writer, lang)} reads shared cell [${e.cell}]${at(e.read, lang)} and stores a value computed from it${at(e.store, lang)}. ${proc(e.other, lang)} writes the same cell${at(e.overwritten, lang)}, and no lock or other synchronisation keeps that write before the read or after the store. They did not overlap in this run by luck; in a schedule where the write lands between them, one update is lost. The whole read-modify-write must be one critical section (a lock, or fetchAdd/compareExchange).`;
      }
      return ko
        ? `${proc(e.writer, lang)}이(가) 공유 메모리 칸 [${e.cell}]에서 ${e.read.value}을(를) 읽은 뒤${at(e.read, lang)}, ${proc(e.other, lang)}이(가) ${e.overwritten.value}을(를) 썼고${at(e.overwritten, lang)}, ${proc(e.writer, lang)}이(가) 예전 값으로 계산한 ${e.store.value}을(를) 저장해${at(e.store, lang)} 그 갱신을 덮어썼습니다. 읽기-계산-쓰기 전체가 하나의 임계 구역이어야 합니다 (잠금, 또는 fetchAdd/compareExchange).`
        : `${proc(e.writer, lang)} read ${e.read.value} from shared cell [${e.cell}]${at(e.read, lang)}, then ${proc(e.other, lang)} wrote ${e.overwritten.value}${at(e.overwritten, lang)}, and ${proc(e.writer, lang)} stored ${e.store.value}, computed from the stale value${at(e.store, lang)}: the other update was lost. The whole read-modify-write must be one critical section (a lock, or fetchAdd/compareExchange).`;
    }
    case "lock-not-released": {
      const e = c.evidence;
      const waiters = e.waiters.map((w) => proc(w, lang)).join(", ");
      return ko
        ? `${proc(e.holder, lang)}이(가) ${object(e.lock, lang)}을(를) 잠근 채${at(e.acquiredAt, lang)} 종료했습니다${at(e.exitedAt, lang)}${waiters ? `. ${waiters}은(는) 영원히 기다립니다` : ""}. 예외나 이른 return이 있는 경로에서도 잠금을 풀어야 합니다 (try/finally).`
        : `${proc(e.holder, lang)} exited${at(e.exitedAt, lang)} still holding ${object(e.lock, lang)}, taken${at(e.acquiredAt, lang)}${waiters ? `; ${waiters} wait${e.waiters.length === 1 ? "s" : ""} for it forever` : ""}. Release the lock on every path, including exceptions and early returns (try/finally).`;
    }
    case "edeadlk": {
      const e = c.evidence;
      return ko
        ? `${proc(e.process, lang)}이(가) 이미 가진 ${object(e.lock, lang)}${at(e.acquiredAt, lang)}을(를) 다시 잠그려 해서 EDEADLK가 났습니다${at(e.relockAt, lang)}${e.caught ? " (예외를 잡고 계속 실행함)" : ""}. 뮤텍스는 재귀적이지 않습니다: 잠금을 가진 채 다시 잠그는 함수를 부르지 마세요.`
        : `${proc(e.process, lang)} locked ${object(e.lock, lang)}, which it already held${at(e.acquiredAt, lang)}, and got EDEADLK${at(e.relockAt, lang)}${e.caught ? " (it caught the error and went on)" : ""}. Mutexes do not count: do not call code that locks again while holding the lock.`;
    }
    case "zombie": {
      const e = c.evidence;
      const zs = e.zombies.map((z) => proc(z, lang)).join(", ");
      return ko
        ? `${proc(e.parent, lang)}이(가) 종료한 자식 ${zs}을(를) wait/waitpid로 거두지 않고 끝나${at(e.parentExitedAt, lang)} 좀비가 남았습니다. 시작한 자식마다 한 번씩 기다리세요.`
        : `${proc(e.parent, lang)} ended${at(e.parentExitedAt, lang)} without waiting for ${zs}, which exited and stayed zombies. Wait (wait/waitpid) once for every child you start.`;
    }
    case "lost-wakeup": {
      const e = c.evidence;
      if (e.object.kind === "signal") {
        return ko
          ? `${e.signal ?? "시그널"}이(가) ${proc(e.process, lang)}이(가) ${e.object.call}()로 잠들기 전에 도착해 처리되었고${at(e.wakeup, lang)}, 그 뒤의 ${e.object.call}()${at(e.waitAt, lang)}은(는) 영원히 깨어나지 못합니다. 조건 확인과 잠들기 사이에 시그널을 막아 두고 (sigprocmask), sigsuspend로 기다리세요.`
          : `${e.signal ?? "The signal"} reached ${proc(e.process, lang)} and was handled${at(e.wakeup, lang)} before it went to sleep in ${e.object.call}()${at(e.waitAt, lang)}, which then never wakes up. Block the signal (sigprocmask) while checking the condition and wait with sigsuspend.`;
      }
      const by = e.consumedBy ? proc(e.consumedBy, lang) : "";
      return ko
        ? `${object(e.object, lang)}에 대한 post${at(e.wakeup, lang)}를 ${by}이(가) 가져가서${at(e.consumedAt, lang)}, ${proc(e.process, lang)}은(는) 영원히 기다립니다${at(e.waitAt, lang)}. 기다리는 프로세스마다 깨우기가 하나씩 있는지 확인하세요.`
        : `A post to ${object(e.object, lang)}${at(e.wakeup, lang)} was taken by ${by}${at(e.consumedAt, lang)}, so ${proc(e.process, lang)} waits forever${at(e.waitAt, lang)}. Make sure there is one wakeup for every waiter.`;
    }
    case "runtime-error": {
      const e = c.evidence;
      const where = e.line === null ? "" : ko ? ` ${e.line}번째 줄에서` : ` at line ${e.line} of your code`;
      return ko
        ? `${proc(e.process, lang)}이(가)${where} 잡지 않은 오류로 끝났습니다${at(e.thrownAt, lang)}: ${e.error}. 프로세스는 거기서 멈췄고, 그 뒤에 할 일(잠금 해제, 전송, 정상 종료)은 일어나지 않았습니다.`
        : `${proc(e.process, lang)} ended with an error it did not catch${where}${at(e.thrownAt, lang)}: ${e.error}. The process stopped there, and what it still had to do (unlock, send, exit cleanly) never happened.`;
    }
    case "signal-fatal": {
      const e = c.evidence;
      const from = e.from === null ? "" : ko ? `${pid(e.from)}이(가) 보낸 ` : ` sent by ${pid(e.from)}`;
      return ko
        ? `${from}${e.signal}의 기본 동작이 ${proc(e.process, lang)}을(를) 종료시켰습니다${at(e.killedAt, lang)}. 시그널을 받을 수 있게 되기 전에 (예: 자식을 만들기 전에) 핸들러를 설치하세요.`
        : `The default action of ${e.signal}${from} killed ${proc(e.process, lang)}${at(e.killedAt, lang)}. Install the handler before the signal can arrive (e.g. before spawning the process that sends it).`;
    }
    case "signal-lost": {
      const e = c.evidence;
      if (e.how === "merged") {
        const zombies = e.zombies.length ? (ko ? ` 그래서 ${e.zombies.map(pid).join(", ")}이(가) 좀비로 남았습니다.` : ` so ${e.zombies.map(pid).join(", ")} stayed a zombie.`) : "";
        return ko
          ? `${pid(e.from)}에서 ${proc(e.to, lang)}에게 온 ${e.signal}이(가) 이미 대기 중인 같은 시그널과 합쳐졌습니다${at(e.sentAt, lang)}: 시그널은 쌓이지 않습니다.${zombies} 시그널 하나마다 일이 여러 번 일어났을 수 있다고 보고 처리하세요 (예: waitpid(-1, {nohang})를 반복).`
          : `${e.signal} from ${pid(e.from)} merged with the same signal already pending for ${proc(e.to, lang)}${at(e.sentAt, lang)}: signals do not queue.${zombies} Handle each signal as "one or more happened" (e.g. loop on waitpid(-1, {nohang})).`;
      }
      return ko
        ? `${pid(e.from)}이(가) 보낸 ${e.signal}이(가) ${proc(e.to, lang)}에게 끝까지 전달되지 않았습니다${at(e.sentAt, lang)} (막혀 있었음). 막아 둔 시그널은 다시 풀어야 처리됩니다.`
        : `${e.signal} sent by ${pid(e.from)} was never delivered to ${proc(e.to, lang)}${at(e.sentAt, lang)}: it stayed blocked. A blocked signal is only handled once it is unblocked.`;
    }
    case "wrong-result":
      return ko ? "실행은 끝났지만 테스트가 확인한 결과가 틀렸습니다." : "The run finished, but the test's check rejected its result.";
    case "unclassified":
      return ko ? "이 실패는 알려진 종류에 해당하지 않습니다." : "This failure matches none of the known kinds.";
  }
}

/** The class's title and explanation, in the student's language. */
export function explainFailure(c: FailureClass, lang: Lang): FailureExplanation {
  return { title: FAILURE_CLASS_TITLES[c.kind][lang], text: body(c, lang) };
}

/** Whether the explanation says more than the test's own hint (the fallback classes do not). */
export function explainsFailure(c: FailureClass): boolean {
  return c.kind !== "wrong-result" && c.kind !== "unclassified";
}

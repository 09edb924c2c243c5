/**
 * The trusted runner inside the isolate, bundled with the kernel into one script that runs
 * after SES's lockdown() has frozen every intrinsic. It turns scenario data into kernel
 * programs, runs the student's module in them, and sends every finished run's snapshot to the
 * host, whose verdict counts (ADR 015). The host keeps the only reference to it.
 *
 * Student code is evaluated in a Compartment of its own: its global object holds only the
 * hardened intrinsics and a virtual Date, and each process's instance of the module gets its
 * own `require`, `console` and `Math` (with its own random stream). What a process can touch
 * is the hardened `ipc` facade and fresh copies of data (lib/kernel/user-boundary.ts).
 */
import { explore, IPC_CREAT, IPC_SET, SETALL, type ExploreResult, type Ipc, type Program, type ProgramModule, type SetupApi, type Snapshot } from "../../kernel";
import type { DriverIpc } from "../../kernel/ipc-api";
import { deriveSeed } from "../../kernel/prng";
import { freezeFacade, harden } from "../../kernel/user-boundary";
import type { Coverage } from "../../kernel/strategies/coverage";
import { classifyFailure, type FailureClass } from "../../kernel/failure-class";
import { ZOO } from "../../kernel/zoo";
import type { DriverSpec, ExploreSettings, ObjectSpec, Scenario } from "../exercises/test-definition";

const { freeze } = Object;

type HostCallback = { applySync(receiver: undefined, args: unknown[]): unknown; applyIgnored(receiver: undefined, args: unknown[]): void };
type StudentFactory = (require: (name: string) => unknown, module: { exports: Record<string, unknown> }, exports: Record<string, unknown>, console: unknown, math: Math) => void;

/** SES's, installed by lockdown() before this bundle runs in the grader (absent in the browser). */
type SesCompartment = { readonly globalThis: Record<string, unknown>; evaluate(source: string): unknown };
const SesCompartment = (globalThis as { Compartment?: new (options: { globals: Record<string, unknown>; __options__: true }) => SesCompartment }).Compartment;

export type HarnessTest = { id: string; scenario: Scenario; explore: ExploreSettings };
export type HarnessResult = {
  id: string;
  passed: boolean;
  failure: string | null;
  schedulesExplored: number;
  /** What the exploration covered (lib/kernel/strategies/coverage.ts). */
  coverage?: Coverage;
  replay?: string;
  trace?: unknown;
  /**
   * What kind of mistake the counterexample shows, with its evidence and the step that caused
   * it (lib/kernel/failure-class). The bounded trace carries that step as `cause`, so the
   * timeline opens on it. The host checks the shape before it reports either.
   */
  failureClass?: FailureClass;
};

/** Bounds on what leaves the isolate (the host checks its own bounds too). */
export const HARNESS_LIMITS = {
  /** Snapshots go to the host in batches of at most this many characters of JSON, when they can. */
  batchChars: 1_000_000,
  /** A counterexample trace is cut to a prefix of this many characters of JSON. */
  traceChars: 150_000,
  /** Each process's output kept in a trace. */
  outputChars: 4_000,
  /** A failure message. */
  failureChars: 2_000,
};

let sealed = false;
let studentSource: string | null = null;
/** For each line of the student's compiled module, the line of their TypeScript it came from (0: none); empty when unknown. */
let studentLines: readonly number[] = [];

/**
 * SES's stack reader (a global of the start compartment after lockdown): errors' own `stack`
 * is empty under errorTaming "safe", so student code cannot read stacks, but the harness may.
 * In the browser (no SES) the error's `stack` is read instead.
 */
const getStackString = (globalThis as { getStackString?: (error: unknown) => string }).getStackString;

/** A stack frame of code evaluated from text (the student's module): `<anonymous>:line:column`. */
const EVALUATED_FRAME = /<anonymous>:(\d+):\d+\)?\s*$/;

/**
 * The student's source line an uncaught error was thrown from: the topmost stack frame in
 * their module, mapped through the compiler's line table. The module is evaluated with its
 * first line on the wrapper's line (evaluateStudent), so the frame's line is the compiled line.
 */
function sourceLine(error: unknown): number | null {
  if (studentLines.length === 0 || !(error instanceof Error)) return null;
  const stack = getStackString ? getStackString(error) : String((error as { stack?: unknown }).stack ?? "");
  for (const frame of stack.split("\n")) {
    // The kernel's frames end in "ipclab:kernel.js:…"; only evaluated text ends in "<anonymous>:…".
    const m = EVALUATED_FRAME.exec(frame);
    if (!m) continue;
    return studentLines[Number(m[1]) - 1] || null;
  }
  return null;
}
let compartment: Pick<SesCompartment, "evaluate"> | null = null;

// Date in student code is virtual: the same instant for every run of a test (runs must be reproducible).
let virtualMs = Date.UTC(2026, 0, 1);
const RealDate = Date;
class VirtualDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(virtualMs);
    else super(...(args as [number]));
  }
  static now() {
    return virtualMs;
  }
}
function resetDeterminism() {
  virtualMs = Date.UTC(2026, 0, 1);
}

/** The student's source as one factory function, evaluated once in the student compartment. */
function evaluateStudent(): StudentFactory {
  if (!compartment || studentSource === null) throw new Error("the sandbox is not sealed or has no student module");
  const factory = compartment.evaluate(`(function (require, module, exports, console, Math) {${studentSource}\n})`) as StudentFactory;
  // Shared by every process: frozen, so none can hang state on it.
  return harden(factory);
}

function studentModule(factory: StudentFactory): ProgramModule {
  return (ipc: Ipc) => {
    const moduleRecord = { exports: {} as Record<string, unknown> };
    // Made for every process of every run: arrows and objects over prototypes lockdown() already
    // hardened, so freezing them is hardening them (freezeFacade), at a fraction of harden()'s
    // cost, which walked each one's prototype chain again (a quarter of a grading's CPU time).
    const print = (...values: unknown[]) => ipc.print(...values);
    const console = freezeFacade({ log: print, info: print, warn: print, error: print, debug: print });
    const require = freeze((name: string) => {
      if (name === "ipc") return ipc;
      throw new Error(`Cannot find module '${name}': only "ipc" is available`);
    });
    // Math.random draws from this process's own stream (ipc.random), never a shared one.
    const math = freezeFacade(Object.create(Math, { random: { value: () => ipc.random() } })) as Math;
    factory(require, moduleRecord, moduleRecord.exports, console, math);
    return moduleRecord.exports;
  };
}

function createObject(k: SetupApi, spec: ObjectSpec) {
  const mode = spec.mode ?? 0o600;
  switch (spec.kind) {
    case "shm": {
      const id = k.shmget(spec.key, spec.size, IPC_CREAT | mode);
      spec.init?.forEach((v, i) => k.poke(id, i, v));
      if (spec.owner !== undefined) k.shmctl(id, IPC_SET, { uid: spec.owner });
      return;
    }
    case "msgq": {
      const id = k.msgget(spec.key, IPC_CREAT | mode);
      for (const m of spec.messages ?? []) k.msgsnd(id, m);
      if (spec.owner !== undefined) k.msgctl(id, IPC_SET, { uid: spec.owner });
      return;
    }
    case "sem": {
      const id = k.semget(spec.key, spec.values.length, IPC_CREAT | mode);
      k.semctl(id, 0, SETALL, spec.values);
      return;
    }
    case "named-sem":
      k.sem_open(spec.name, { create: true, value: spec.value, mode });
      return;
    case "mutex":
      k.mutex_create(spec.name, { mode });
      return;
  }
}

/** A harness latch by name: created on first use by setup, reachable only through these closures. */
type Latches = (name: string) => object;

function driverEntry(spec: DriverSpec, latch: Latches): (ipc: DriverIpc) => Promise<void> {
  switch (spec.kind) {
    case "signal":
      return async (ipc) => {
        // A sleeper's timer only fires early when nothing else can run: virtual time then jumps to it.
        if (spec.whenIdle) await ipc.sleep(IDLE_SECONDS);
        if (spec.afterSeconds) await ipc.sleep(spec.afterSeconds);
        for (let round = 0; round < (spec.repeat ?? 1); round++) {
          for (let i = 0; i < (spec.afterYields ?? 0); i++) await ipc.sched_yield();
          try {
            await ipc.kill(spec.target, spec.signal);
          } catch {
            // The target may already have exited: nothing to signal.
          }
        }
      };
    case "send-messages":
      return async (ipc) => {
        // Virtual seconds: the messages arrive later in the run, whatever the others do meanwhile.
        if (spec.afterSeconds) await ipc.sleep(spec.afterSeconds);
        if (spec.wait) await ipc.latch_wait(latch(spec.wait));
        const id = await ipc.msgget(spec.key, 0);
        for (const m of spec.messages) await ipc.msgsnd(id, m);
      };
    case "stream-client":
      return async (ipc) => {
        const fd = await ipc.socket(ipc.AF_UNIX, ipc.SOCK_STREAM);
        for (let attempt = 0; ; attempt++) {
          try {
            await ipc.connect(fd, spec.address);
            break;
          } catch (error) {
            if ((error as { code?: string }).code !== "ECONNREFUSED" || attempt === POLL_LIMIT) {
              ipc.print(`connect ${spec.address}: ${(error as { code?: string }).code ?? String(error)}`);
              if (spec.post) await ipc.latch_post(latch(spec.post));
              return;
            }
            await ipc.sleep(1); // nobody listens yet: try again once the others have run
          }
        }
        for (const chunk of spec.sends) {
          if (typeof chunk === "string") await ipc.send(fd, chunk);
          else await ipc.latch_wait(latch(chunk.wait));
        }
        await ipc.shutdown(fd, ipc.SHUT_WR);
        let received = "";
        for (let part; (part = await ipc.recv(fd, 4096)) !== ""; ) received += part;
        ipc.print(JSON.stringify(received));
        await ipc.close(fd);
        if (spec.post) await ipc.latch_post(latch(spec.post));
      };
    case "ipc-probe":
      return async (ipc) => {
        const code = (error: unknown) => (error as { code?: string }).code ?? String(error);
        const attempt = async (label: string, op: () => Promise<unknown>) => {
          try {
            await op();
            ipc.print(`${label}: ok`);
          } catch (error) {
            ipc.print(`${label}: ${code(error)}`);
          }
        };
        const whenCreated = async (get: () => Promise<number>): Promise<number | null> => {
          for (let i = 0; i < POLL_LIMIT; i++) {
            try {
              return await get();
            } catch (error) {
              if (code(error) !== "ENOENT") throw error;
              await ipc.sleep(1);
            }
          }
          return null;
        };
        for (const key of spec.shm ?? []) {
          const name = `shm 0x${key.toString(16)}`;
          const id = await whenCreated(() => ipc.shmget(key, 1, 0));
          if (id === null) ipc.print(`${name}: never created`);
          else {
            await attempt(`${name} read`, async () => ipc.shmdt(await ipc.shmat(id, { readonly: true })));
            await attempt(`${name} write`, async () => ipc.shmdt(await ipc.shmat(id)));
          }
        }
        for (const key of spec.msgq ?? []) {
          const name = `msgq 0x${key.toString(16)}`;
          const id = await whenCreated(() => ipc.msgget(key, 0));
          if (id === null) ipc.print(`${name}: never created`);
          else {
            await attempt(`${name} read`, () => ipc.msgctl(id, ipc.IPC_STAT));
            // Type 0 is invalid, and msgsnd checks permission first: EINVAL means "allowed", without sending anything.
            try {
              await ipc.msgsnd(id, { type: 0, data: "" }, ipc.IPC_NOWAIT);
              ipc.print(`${name} write: ok`);
            } catch (error) {
              ipc.print(`${name} write: ${code(error) === "EINVAL" ? "ok" : code(error)}`);
            }
          }
        }
        if (spec.post) await ipc.latch_post(latch(spec.post));
      };
  }
}

/** Long enough that the timer only fires when every other process is blocked. */
const IDLE_SECONDS = 1_000_000;
/** How often a driver retries an object or address that does not exist yet (one virtual second apart). */
const POLL_LIMIT = 1000;

function toProgram(scenario: Scenario, judge: (snapshots: Snapshot[]) => Array<string | null>, module: ProgramModule): Program {
  return {
    module,
    main: scenario.main,
    args: scenario.args,
    uid: scenario.uid,
    gid: scenario.gid,
    processes: scenario.processes,
    files: scenario.files,
    stdin: scenario.stdin,
    expectedSignals: scenario.expectedSignals,
    options: scenario.options,
    sourceLine,
    setup(k) {
      resetDeterminism();
      for (const spec of scenario.objects ?? []) createObject(k, spec);
      const latches = new Map<string, object>();
      const latch = (name: string) => latches.get(name) ?? latches.set(name, k.latch(name)).get(name)!;
      for (const d of scenario.drivers ?? []) {
        k.spawn(Object.defineProperty(driverEntry(d, latch), "name", { value: d.kind }) as never, [], { uid: ("uid" in d && d.uid) || 0, gid: ("gid" in d && d.gid) || 0 });
      }
    },
    checkMany: judge,
    check: (snapshot) => judge([snapshot])[0],
  };
}

/** A test's exploration seed: the base seed mixed with the test's id (FNV-1a). */
function testSeed(base: number, id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return deriveSeed(base, h >>> 0);
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text);

/** The counterexample's trace, cut to a prefix of bounded size (a report must stay small whatever the program printed). */
function boundedTrace(trace: Extract<ExploreResult, { passed: false }>["trace"]): unknown {
  const output: Record<string, string> = {};
  for (const [pid, text] of Object.entries(trace.output)) output[pid] = cut(text, HARNESS_LIMITS.outputChars);
  const events: typeof trace.events = [];
  let size = 0;
  for (const e of trace.events) {
    const event = e.text !== undefined && e.text.length > 200 ? { ...e, text: cut(e.text, 200) } : e;
    size += JSON.stringify(event).length + 1;
    if (size > HARNESS_LIMITS.traceChars) break;
    events.push(event);
  }
  const dropped = trace.events.length - events.length;
  return { ...trace, failure: trace.failure === null ? null : cut(trace.failure, HARNESS_LIMITS.failureChars), output, events, truncated: trace.truncated || dropped > 0, droppedEvents: trace.droppedEvents + dropped };
}

/** The counterexample's failure class; a classifier error must never cost the test its result. */
function classified(r: Extract<ExploreResult, { passed: false }>, expectedSignals: readonly string[] | undefined): FailureClass | null {
  try {
    return classifyFailure({ events: r.trace.events, outcome: r.outcome, snapshot: r.snapshot, failure: r.failure, expectedSignals });
  } catch {
    return null;
  }
}

function summarize(id: string, r: ExploreResult, expectedSignals?: readonly string[]): HarnessResult {
  const coverage = r.coverage ? { coverage: r.coverage } : {};
  if (r.passed) return { id, passed: true, failure: null, schedulesExplored: r.schedulesExplored, ...coverage };
  const failureClass = classified(r, expectedSignals);
  const trace = boundedTrace(r.trace) as Record<string, unknown>;
  if (failureClass?.causeStep) trace.cause = failureClass.causeStep;
  const result: HarnessResult = { id, passed: false, failure: cut(r.failure, HARNESS_LIMITS.failureChars), schedulesExplored: r.schedulesExplored, ...coverage, replay: r.replayToken, trace };
  if (failureClass) result.failureClass = failureClass;
  return result;
}

/**
 * The host's verdicts on a batch of runs. Batches are split to stay under the size the host
 * accepts; a single oversized snapshot is sent as it is, and the host fails it.
 */
function judgeOnHost(judgeRef: HostCallback, testIndex: number, snapshots: Snapshot[]): Array<string | null> {
  const json = JSON.stringify(snapshots);
  if (json.length > HARNESS_LIMITS.batchChars && snapshots.length > 1) {
    const half = snapshots.length >> 1;
    return [...judgeOnHost(judgeRef, testIndex, snapshots.slice(0, half)), ...judgeOnHost(judgeRef, testIndex, snapshots.slice(half))];
  }
  const verdicts = JSON.parse(judgeRef.applySync(undefined, [testIndex, json]) as string) as unknown;
  if (!Array.isArray(verdicts) || verdicts.length !== snapshots.length) throw new Error("the host returned malformed verdicts");
  return verdicts.map((v) => (typeof v === "string" ? v : null));
}

const harness = {
  /**
   * Explores the kernel's own example program number `index` (the fixed version) for a few
   * schedules, so that V8 has seen the kernel's code before a submission runs: all of them
   * take ~15 ms and make grading ~12 % faster. Only trusted code, only before the sandbox is
   * sealed. Returns false when there is no such program (warm-up is complete).
   */
  async warmUp(index: number, schedules: number): Promise<boolean> {
    if (sealed) throw new Error("warm-up must come before the sandbox is sealed");
    if (index >= ZOO.length) return false;
    await explore(ZOO[index].fixed, { budget: schedules, strategy: "mix", seed: 1 });
    return true;
  },
  /**
   * Ends trusted set-up: hardens the isolate's own global object (SES's lockdown() already froze
   * every intrinsic, including those only syntax reaches, before this bundle ran). Student code
   * runs only in compartments made after this (installStudent), whose globals are the hardened
   * intrinsics and a virtual Date.
   */
  seal() {
    if (sealed) return;
    sealed = true;
    // The browser's Run (no SES) has nothing to harden: students run their own code in their own
    // browser, so it is no security boundary there; the harness still makes runs deterministic.
    if (SesCompartment) harden(globalThis);
  },
  /**
   * Installs one submission's module in a compartment of its own, made now: its global object
   * is fresh, so nothing an earlier submission evaluated in this isolate is reachable from it
   * (ADR 018). Everything else it can reach is hardened or made per run.
   */
  installStudent(source: string, linesJson = "[]") {
    if (!sealed) throw new Error("the sandbox must be sealed before student code is installed");
    if (studentSource !== null) throw new Error("a student module is already installed: reset first");
    if (SesCompartment) {
      const c = new SesCompartment({ globals: { Date: harden(VirtualDate) }, __options__: true });
      harden(c.globalThis);
      compartment = c;
    } else compartment = { evaluate: (source) => (0, eval)(source) };
    studentSource = String(source);
    const lines = JSON.parse(String(linesJson)) as unknown;
    studentLines = Array.isArray(lines) ? lines.map((n) => (Number.isInteger(n) && n > 0 ? (n as number) : 0)) : [];
  },
  /** Forgets the submission (its source and compartment), so the isolate can serve the next one. */
  reset() {
    studentSource = null;
    studentLines = [];
    compartment = null;
    resetDeterminism();
  },
  /** Answers once the isolate's thread is free: the host's check that nothing of a job still runs. */
  idle() {
    return true;
  },
  /**
   * Runs each test's exploration. `judgeRef` and `progressRef` are host callbacks: every
   * finished run's snapshot goes to the host, which computes the verdict that counts (the
   * exploration here only uses the answers to decide when to stop and what to trace).
   */
  async run(testsJson: string, seed: number, judgeRef: HostCallback, progressRef: HostCallback): Promise<string> {
    const tests = JSON.parse(testsJson) as HarnessTest[];
    const results: HarnessResult[] = [];
    let studentProgram: ProgramModule | null = null;
    let loadError: string | null = null;
    try {
      studentProgram = studentModule(evaluateStudent());
    } catch (error) {
      loadError = `the program could not be loaded: ${String((error as Error)?.message ?? error)}`;
    }
    let explored = 0;
    for (let i = 0; i < tests.length; i++) {
      const t = tests[i];
      const judge = (snapshots: Snapshot[]) => judgeOnHost(judgeRef, i, snapshots);
      let result: HarnessResult;
      if (!studentProgram) result = { id: t.id, passed: false, failure: cut(loadError!, HARNESS_LIMITS.failureChars), schedulesExplored: 0 };
      else {
        try {
          // Each test's seed comes from the base seed and the test alone (never the submission or the
          // clock: no wall-clock budget), so the same source always meets the same schedules.
          const { timeBudgetMs: _ignored, ...settings } = t.explore;
          const r = await explore(toProgram(t.scenario, judge, studentProgram), { ...settings, seed: testSeed(seed, t.id) });
          // The failing run's snapshot goes to the host too, whether its check or the kernel failed it.
          if (!r.passed) judge([r.snapshot]);
          result = summarize(t.id, r, t.scenario.expectedSignals);
        } catch (error) {
          result = { id: t.id, passed: false, failure: cut(`the test could not run: ${String((error as Error)?.message ?? error)}`, HARNESS_LIMITS.failureChars), schedulesExplored: 0 };
        }
      }
      explored += result.schedulesExplored;
      results.push(result);
      progressRef.applyIgnored(undefined, [i + 1, tests.length, explored]);
    }
    return JSON.stringify(results);
  },
};

(globalThis as Record<string, unknown>).__ipclabHarness = harness;

/**
 * The trusted runner inside the isolate, bundled with the kernel into one script. It turns
 * scenario data into kernel programs, runs the student's module in them, and asks the host
 * to judge each finished run. It is installed before any student code runs; afterwards the
 * host keeps the only reference to it and the intrinsics are frozen.
 */
import { explore, Prng, IPC_CREAT, IPC_SET, SETALL, type ExploreResult, type Ipc, type Program, type ProgramModule, type SetupApi, type Snapshot } from "../../kernel";
import { ZOO } from "../../kernel/zoo";
import type { DriverSpec, ExploreSettings, ObjectSpec, Scenario } from "../exercises/test-definition";

type HostCallback = { applySync(receiver: undefined, args: unknown[]): unknown; applyIgnored(receiver: undefined, args: unknown[]): void };
type StudentFactory = (require: (name: string) => unknown, module: { exports: Record<string, unknown> }, exports: Record<string, unknown>, console: unknown) => void;

export type HarnessTest = { id: string; scenario: Scenario; explore: ExploreSettings };
export type HarnessResult = {
  id: string;
  passed: boolean;
  failure: string | null;
  schedulesExplored: number;
  replay?: string;
  trace?: unknown;
};

const realNow = Date.now;
let studentFactory: StudentFactory | null = null;

// Student-visible nondeterminism comes from the run's seed: Math.random and Date are reset at
// the start of every run (runs execute deterministically, so the same seed gives the same values).
let random = new Prng(1);
let virtualMs = 0;
function seededRandom(): number {
  return random.float();
}
function resetDeterminism(seed: number) {
  random = new Prng(seed);
  virtualMs = Date.UTC(2026, 0, 1);
}

function studentModule(): ProgramModule {
  const factory = studentFactory;
  if (!factory) throw new Error("no student module installed");
  return (ipc: Ipc) => {
    const moduleRecord = { exports: {} as Record<string, unknown> };
    // Frozen in place (its constants live on a frozen prototype): the student cannot patch it.
    const api = Object.freeze(ipc);
    const print = (...values: unknown[]) => ipc.print(...values);
    const console = Object.freeze({ log: print, info: print, warn: print, error: print, debug: print });
    const require = (name: string) => {
      if (name === "ipc") return api;
      throw new Error(`Cannot find module '${name}': only "ipc" is available`);
    };
    factory(require, moduleRecord, moduleRecord.exports, console);
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

function driverEntry(spec: DriverSpec): (ipc: Ipc) => Promise<void> {
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
        if (spec.wait) await ipc.sem_wait(await harnessSem(ipc, spec.wait));
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
              if (spec.post) await ipc.sem_post(await harnessSem(ipc, spec.post));
              return;
            }
            await ipc.sleep(1); // nobody listens yet: try again once the others have run
          }
        }
        for (const chunk of spec.sends) {
          if (typeof chunk === "string") await ipc.send(fd, chunk);
          else await ipc.sem_wait(await harnessSem(ipc, chunk.wait));
        }
        await ipc.shutdown(fd, ipc.SHUT_WR);
        let received = "";
        for (let part; (part = await ipc.recv(fd, 4096)) !== ""; ) received += part;
        ipc.print(JSON.stringify(received));
        await ipc.close(fd);
        if (spec.post) await ipc.sem_post(await harnessSem(ipc, spec.post));
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
        if (spec.post) await ipc.sem_post(await harnessSem(ipc, spec.post));
      };
  }
}

/** Long enough that the timer only fires when every other process is blocked. */
const IDLE_SECONDS = 1_000_000;
/** How often a driver retries an object or address that does not exist yet (one virtual second apart). */
const POLL_LIMIT = 1000;

/** Semaphores drivers use to order themselves; the prefix keeps them apart from the student's names. */
function harnessSem(ipc: Ipc, name: string): Promise<number> {
  return ipc.sem_open(`harness:${name}`, { create: true, value: 0, mode: 0o666 });
}

function toProgram(scenario: Scenario, judge: (snapshots: Snapshot[]) => Array<string | null>, seed: number): Program {
  return {
    module: studentModule(),
    main: scenario.main,
    args: scenario.args,
    uid: scenario.uid,
    gid: scenario.gid,
    processes: scenario.processes,
    files: scenario.files,
    stdin: scenario.stdin,
    expectedSignals: scenario.expectedSignals,
    options: scenario.options,
    setup(k) {
      resetDeterminism(seed);
      for (const spec of scenario.objects ?? []) createObject(k, spec);
      for (const d of scenario.drivers ?? []) k.spawn(Object.defineProperty(driverEntry(d), "name", { value: d.kind }) as never, [], { uid: ("uid" in d && d.uid) || 0, gid: ("gid" in d && d.gid) || 0 });
    },
    checkMany: judge,
    check: (snapshot) => judge([snapshot])[0],
  };
}

function summarize(id: string, r: ExploreResult, withTrace: boolean): HarnessResult {
  if (r.passed) return { id, passed: true, failure: null, schedulesExplored: r.schedulesExplored };
  return { id, passed: false, failure: r.failure, schedulesExplored: r.schedulesExplored, replay: r.replayToken, trace: withTrace ? r.trace : undefined };
}

const harness = {
  /**
   * Explores the kernel's own example program number `index` (the fixed version) for a few
   * schedules, so that V8 has seen the kernel's code before a submission runs: all of them
   * take ~15 ms and make grading ~12 % faster. Only trusted code, only before any student
   * code is installed. Returns false when there is no such program (warm-up is complete).
   */
  async warmUp(index: number, schedules: number): Promise<boolean> {
    if (studentFactory) throw new Error("warm-up must come before the student module");
    if (index >= ZOO.length) return false;
    await explore(ZOO[index].fixed, { budget: schedules, strategy: "mix", seed: 1 });
    return true;
  },
  installStudent(factory: StudentFactory) {
    if (studentFactory) throw new Error("student module already installed");
    studentFactory = factory;
  },
  /** Freezes every intrinsic the kernel and harness rely on, so student code cannot patch them. */
  lockdown() {
    Math.random = seededRandom;
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
    (globalThis as { Date: DateConstructor }).Date = VirtualDate as unknown as DateConstructor;
    const seen = new Set<unknown>();
    const freeze = (value: unknown) => {
      if ((typeof value !== "object" && typeof value !== "function") || value === null || seen.has(value)) return;
      seen.add(value);
      Object.freeze(value);
      for (const key of Reflect.ownKeys(value as object)) {
        const desc = Object.getOwnPropertyDescriptor(value, key);
        if (desc && "value" in desc) freeze(desc.value);
        if (desc?.get) freeze(desc.get);
        if (desc?.set) freeze(desc.set);
      }
      freeze(Object.getPrototypeOf(value));
    };
    // Intrinsics reachable only through syntax, not through a global name.
    freeze(Object.getPrototypeOf(async function () {}));
    freeze(Object.getPrototypeOf(function* () {}));
    freeze(Object.getPrototypeOf(async function* () {}));
    freeze(Object.getPrototypeOf([][Symbol.iterator]()));
    freeze(globalThis);
  },
  /**
   * Runs each test's exploration. `judgeRef` and `progressRef` are host callbacks: the verdict
   * on every run is computed on the host from a JSON copy of its snapshot. Runs are judged in
   * batches (see Program.checkMany), because each call to the host costs a thread round trip.
   */
  async run(testsJson: string, seed: number, judgeRef: HostCallback, progressRef: HostCallback): Promise<string> {
    const tests = JSON.parse(testsJson) as HarnessTest[];
    const results: HarnessResult[] = [];
    let explored = 0;
    for (let i = 0; i < tests.length; i++) {
      const t = tests[i];
      const judge = (snapshots: Snapshot[]) => JSON.parse(judgeRef.applySync(undefined, [i, JSON.stringify(snapshots)]) as string) as Array<string | null>;
      let result: HarnessResult;
      try {
        const r = await explore(toProgram(t.scenario, judge, seed), { ...t.explore, seed, now: realNow });
        result = summarize(t.id, r, true);
      } catch (error) {
        result = { id: t.id, passed: false, failure: `the test could not run: ${String((error as Error)?.message ?? error)}`, schedulesExplored: 0 };
      }
      explored += result.schedulesExplored;
      results.push(result);
      progressRef.applyIgnored(undefined, [i + 1, tests.length, explored]);
    }
    return JSON.stringify(results);
  },
};

(globalThis as Record<string, unknown>).__ipclabHarness = harness;

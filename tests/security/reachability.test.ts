import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Kernel, RandomStrategy, type Ipc, type ProgramModule } from "@/lib/kernel";
import { OpenFile } from "@/lib/kernel/fd";
import { Process, Request } from "@/lib/kernel/process";
import { ShmView } from "@/lib/kernel/shm";
import { Socket } from "@/lib/kernel/socket";
import { runInIsolate } from "@/lib/grader/sandbox/run-in-isolate";

/**
 * The reachability test of ADR 015. A student program (reachability-probe.js) starts from
 * everything a student can touch — the ipc module and its prototype chain, every value every
 * call returns, every error thrown, the arguments of entries and signal handlers, globalThis
 * and the intrinsics only syntax reaches — and walks the whole object graph without running
 * a getter. Every object it reaches must be frozen, or fresh data of its own that it never saw
 * twice; none may be a kernel object.
 */
const PROBE = fs.readFileSync(path.join(import.meta.dirname, "reachability-probe.js"), "utf8");

type Reach = { label: string; objects: number; unfrozen: string[]; kernelish: string[]; shared: string[] };

function reachLines(output: Record<string, string>): Reach[] {
  return Object.values(output)
    .flatMap((text) => text.split("\n"))
    .filter((line) => line.startsWith("REACH "))
    .map((line) => JSON.parse(line.slice(6)) as Reach);
}

describe("what student code can reach", () => {
  it("in the sandbox (SES lockdown, the student compartment): only frozen objects and its own fresh data, nothing kernel-internal", async () => {
    const snapshots: Array<{ output: Record<string, string>; errors: unknown[] }> = [];
    const outcome = await runInIsolate({
      js: PROBE,
      seed: 1,
      limits: { memoryMb: 128, cpuMs: 10_000, wallMs: 20_000 },
      tests: [{ id: "probe", scenario: { main: "main", args: [1, { two: [2] }] }, explore: { strategy: "random", budget: 1 } }],
      judge: (_i, json) => {
        const batch = JSON.parse(json) as typeof snapshots;
        snapshots.push(...batch);
        return JSON.stringify(batch.map(() => null));
      },
    });
    expect(outcome.kind).toBe("ok");
    expect(snapshots[0].errors).toEqual([]);
    const reports = reachLines(snapshots[0].output);
    expect(reports.map((r) => r.label).sort()).toEqual(["child", "main"]);
    for (const r of reports) {
      // The walk covers the intrinsics too: thousands of objects, all frozen by lockdown.
      expect(r.objects, JSON.stringify(r)).toBeGreaterThan(r.label === "main" ? 500 : 100);
      expect(r.unfrozen, `${r.label}: reachable objects that are not frozen`).toEqual([]);
      expect(r.kernelish, `${r.label}: reachable objects that look kernel-internal`).toEqual([]);
      expect(r.shared, `${r.label}: data handed out twice`).toEqual([]);
    }
  }, 30_000);

  it("on the kernel in Node: no reachable object is one the kernel holds, unless it is a hardened facade", async () => {
    const reached: unknown[] = [];
    (globalThis as { __reachabilityProbe?: unknown[] }).__reachabilityProbe = reached;
    const program: ProgramModule = (ipc: Ipc) => {
      const record = { exports: {} as Record<string, unknown> };
      new Function("require", "module", "exports", PROBE)(() => ipc, record, record.exports);
      return record.exports;
    };
    const k = new Kernel(program, new RandomStrategy(1), {});
    k.spawn(null, "main", [1, { two: [2] }]);
    await k.run();
    delete (globalThis as { __reachabilityProbe?: unknown[] }).__reachabilityProbe;
    expect(k.outcome).toEqual({ kind: "completed" });
    const outputs = Object.fromEntries(k.allProcs.map((p) => [p.pid, p.output]));
    const reports = reachLines(outputs);
    expect(reports).toHaveLength(2);
    for (const r of reports) expect(r.unfrozen, r.label).toEqual([]);

    const kernelObjects = objectGraph([k]);
    const reachedSet = new Set(reached);
    const shared = [...kernelObjects].filter((o) => reachedSet.has(o));
    // The kernel holds the facades it handed out (each process's ipc, shm attachments' facades) and the
    // shared hardened prototype: those are frozen. Nothing mutable is both the kernel's and the student's.
    expect(shared.length).toBeGreaterThan(0);
    const describe = (o: object) => `${o.constructor?.name ?? "?"} {${Reflect.ownKeys(o).map(String).slice(0, 8).join(",")}}`;
    expect(shared.filter((o) => !Object.isFrozen(o)).map(describe)).toEqual([]);
    for (const o of reached) {
      for (const internal of [Kernel, Process, Request, OpenFile, Socket, ShmView]) expect(o instanceof internal).toBe(false);
    }
  });
});

/** This realm's built-ins (what lockdown freezes in the sandbox): shared by everything in Node, so left out. */
const BUILT_INS: Set<unknown> = (() => {
  const roots: unknown[] = [Object, Function, Array, Promise, Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError, AggregateError, Map, Set, WeakMap, WeakSet, Uint8Array, Date, RegExp, Symbol, String, Number, Boolean, BigInt, JSON, Math, Reflect];
  roots.push(Object.getPrototypeOf(async function () {}), Object.getPrototypeOf(function* () {}), Object.getPrototypeOf([][Symbol.iterator]()));
  return objectGraph(roots, new Set());
})();

/** Every object reachable from `roots` by properties and prototypes (no getter is run), `skip` excluded. */
function objectGraph(roots: unknown[], skip: Set<unknown> = BUILT_INS): Set<object> {
  const seen = new Set<object>();
  const stack = [...roots];
  while (stack.length) {
    const o = stack.pop();
    if ((typeof o !== "object" && typeof o !== "function") || o === null || seen.has(o) || skip.has(o)) continue;
    seen.add(o);
    if (o instanceof Map) for (const [key, value] of o) stack.push(key, value);
    if (o instanceof Set) for (const value of o) stack.push(value);
    for (const key of Reflect.ownKeys(o)) {
      const d = Object.getOwnPropertyDescriptor(o, key)!;
      if ("value" in d) stack.push(d.value);
      else stack.push(d.get, d.set);
    }
    stack.push(Object.getPrototypeOf(o));
  }
  return seen;
}

// A student program (CommonJS, as the grader runs it) that walks everything a student can touch
// and prints one JSON line per process: the objects it reached that are neither frozen nor fresh
// data of its own, and those that look like kernel internals. Used by reachability.test.ts, in
// the real sandbox (SES lockdown, Compartment) and on the plain kernel in Node.
"use strict";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS student module, as the grader runs it
const ipc = require("ipc");

const KERNEL_NAMES = ["procs", "ready", "strategy", "fds", "sigActions", "seg", "owner", "opts", "choices", "kproc", "allProcs", "req", "waitQueue", "program", "k"];
const INTRINSIC_ROOTS = [
  globalThis,
  Object.getPrototypeOf(async function () {}),
  Object.getPrototypeOf(function* () {}),
  Object.getPrototypeOf(async function* () {}),
  Object.getPrototypeOf([][Symbol.iterator]()),
  Object.getPrototypeOf(new Map().entries()),
  Object.getPrototypeOf(""[Symbol.iterator]()),
  Object.getPrototypeOf(/x/[Symbol.matchAll]("")),
  Object.getPrototypeOf(Int8Array),
];

function probe(label, inNode) {
  const seen = new Set();
  const report = { label, objects: 0, unfrozen: [], kernelish: [], shared: [] };
  // Fresh data handed to this process: may be mutable, must never be seen twice.
  const data = new Set();
  const queue = [];
  const push = (value, path, isData) => {
    if ((typeof value !== "object" && typeof value !== "function") || value === null) return;
    if (isData) {
      if (data.has(value)) report.shared.push(path);
      data.add(value);
    }
    if (seen.has(value)) return;
    seen.add(value);
    queue.push([value, path]);
  };
  const walk = () => {
    while (queue.length) {
      const [o, path] = queue.shift();
      report.objects++;
      const keys = Reflect.ownKeys(o);
      if (keys.some((key) => typeof key === "string" && KERNEL_NAMES.includes(key) && !isFreshData(o))) report.kernelish.push(`${path} {${keys.filter((k) => typeof k === "string").slice(0, 8).join(",")}}`);
      // In Node the realm's intrinsics are not locked down (only the sandbox's are): skip them there.
      if (!Object.isFrozen(o) && !data.has(o) && !(inNode && isIntrinsic(o))) report.unfrozen.push(path);
      for (const key of keys) {
        const d = Object.getOwnPropertyDescriptor(o, key);
        const name = `${path}.${String(key)}`;
        if ("value" in d) push(d.value, name, data.has(o));
        else {
          push(d.get, `${name}<get>`);
          push(d.set, `${name}<set>`);
        }
      }
      if (!(inNode && isIntrinsic(o))) push(Object.getPrototypeOf(o), `${path}.__proto__`);
    }
  };
  const isFreshData = (o) => data.has(o);
  const intrinsics = new Set();
  if (inNode) {
    const stack = [...INTRINSIC_ROOTS];
    while (stack.length) {
      const o = stack.pop();
      if ((typeof o !== "object" && typeof o !== "function") || o === null || intrinsics.has(o)) continue;
      intrinsics.add(o);
      for (const key of Reflect.ownKeys(o)) {
        const d = Object.getOwnPropertyDescriptor(o, key);
        if ("value" in d) stack.push(d.value);
        else stack.push(d.get, d.set);
      }
      stack.push(Object.getPrototypeOf(o));
    }
  }
  const isIntrinsic = (o) => intrinsics.has(o);
  return {
    root: (value, path) => push(value, path, false),
    data: (value, path) => push(value, path, true),
    finish() {
      walk();
      report.unfrozen = report.unfrozen.slice(0, 20);
      if (inNode && globalThis.__reachabilityProbe) globalThis.__reachabilityProbe.push(...seen);
      ipc.print(`REACH ${JSON.stringify(report)}`);
    },
  };
}

/** Every call once with good arguments (results are data) and once with none (errors). */
async function exerciseEverything(p, inNode) {
  const got = async (path, promise) => {
    try {
      p.data(await promise, path);
    } catch (error) {
      p.root(error, `${path}!`);
    }
  };
  p.root(ipc, "ipc");
  // In Node the realm is not locked down (only the sandbox is): there the walk starts from what the kernel hands out.
  if (!inNode) for (const root of INTRINSIC_ROOTS) p.root(root, "intrinsic");
  for (const key of Reflect.ownKeys(Object.getPrototypeOf(ipc))) p.root(ipc[key], `ipc.${String(key)}`);
  const pipe = await ipc.pipe();
  await got("pipe", Promise.resolve(pipe));
  await got("write", ipc.write(pipe[1], new Uint8Array([104, 105, 10])));
  await got("read", ipc.read(pipe[0], 1));
  await got("readBytes", ipc.readBytes(pipe[0], 8));
  const q = await ipc.msgget(0x77, ipc.IPC_CREAT | 0o600);
  await got("msgsnd", ipc.msgsnd(q, { type: 1, data: { nested: [1, { deep: "x" }] } }));
  await got("msgrcv", ipc.msgrcv(q, 0));
  await got("msgctl", ipc.msgctl(q, ipc.IPC_STAT));
  const shm = await ipc.shmget(0x78, 4, ipc.IPC_CREAT | 0o600);
  const view = await ipc.shmat(shm);
  p.root(view, "shmat");
  await got("load", view.load(0));
  await got("store", view.store(0, 5));
  await got("fetchAdd", view.fetchAdd(0, 1));
  await got("compareExchange", view.compareExchange(0, 6, 7));
  await got("shmctl", ipc.shmctl(shm, ipc.IPC_STAT));
  const sem = await ipc.semget(0x79, 2, ipc.IPC_CREAT | 0o600);
  await got("semop", ipc.semop(sem, [{ num: 0, op: 1 }]));
  await got("semctl", ipc.semctl(sem, 0, ipc.GETALL));
  const named = await ipc.sem_open("/probe", { create: true, value: 1 });
  await got("sem_wait", ipc.sem_wait(named));
  await got("sem_getvalue", ipc.sem_getvalue(named));
  const m = await ipc.mutex_create("probe");
  await got("mutex_lock", ipc.mutex_lock(m));
  await got("mutex_unlock", ipc.mutex_unlock(m));
  const dg = await ipc.socket(ipc.AF_UNIX, ipc.SOCK_DGRAM);
  await ipc.bind(dg, "/probe.sock");
  await got("sendto", ipc.sendto(dg, "hello", "/probe.sock"));
  await got("recvfrom", ipc.recvfrom(dg, 64));
  const listener = await ipc.socket(ipc.AF_UNIX, ipc.SOCK_STREAM);
  await ipc.bind(listener, "/probe.stream");
  await ipc.listen(listener, 4);
  const client = await ipc.socket(ipc.AF_UNIX, ipc.SOCK_STREAM);
  await ipc.connect(client, "/probe.stream");
  const conn = await ipc.accept(listener);
  await got("send", ipc.send(client, "ping"));
  await got("recv", ipc.recv(conn, 64));
  const handler = async (sig) => p.data(sig, "handler-arg");
  await got("signal", ipc.signal("SIGUSR1", handler));
  await got("sigaction", ipc.sigaction("SIGUSR2", { handler, flags: 0, mask: ["SIGUSR1"] }));
  await got("sigprocmask", ipc.sigprocmask(ipc.SIG_BLOCK, ["SIGUSR1"]));
  await got("sigpending", ipc.sigpending());
  await got("sigprocmask2", ipc.sigprocmask(ipc.SIG_UNBLOCK, ["SIGUSR1"]));
  await got("kill", ipc.kill(ipc.getpid(), "SIGUSR2"));
  await got("alarm", ipc.alarm(0));
  await got("readdir", ipc.readdir("/"));
  const child = await ipc.spawn("child", [{ a: [1, 2] }]);
  await got("waitpid", ipc.waitpid(child));
  await got("wait", ipc.wait());
  for (const name of Object.keys(Object.getPrototypeOf(ipc))) {
    if (typeof ipc[name] !== "function" || ["exit", "pause", "sigsuspend", "sleep", "print", "log", "spawn", "wait", "waitpid", "sched_yield"].includes(name)) continue;
    await got(`${name}()`, (async () => ipc[name]())());
  }
  await got("shmdt", ipc.shmdt(view));
}

exports.main = async function main(...args) {
  const inNode = typeof process === "object";
  const p = probe("main", inNode);
  p.data(args, "main-args");
  await exerciseEverything(p, inNode);
  p.finish();
};

exports.child = async function child(...args) {
  const p = probe("child", typeof process === "object");
  p.data(args, "child-args");
  p.root(ipc, "ipc");
  p.finish();
  return 0;
};

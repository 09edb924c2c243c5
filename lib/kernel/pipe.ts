import { ByteQueue } from "./byte-queue";
import { SIGPIPE } from "./constants";
import { fail } from "./errors";
import { installFds, OpenFile, type FileOps } from "./fd";
import type { Kernel } from "./kernel";
import { BLOCKED, type Process, type Request } from "./process";
import type { PipeRecord } from "./observations";

/** Every descriptor of a live process that refers to the description, for deadlock reports as data. */
export function fdsHolding(k: Kernel, ops: FileOps): Array<{ pid: number; fd: number }> {
  const out: Array<{ pid: number; fd: number }> = [];
  for (const p of k.procs.values()) {
    if (!p.alive) continue;
    p.fds.forEach((of, fd) => {
      if (of?.ops === ops) out.push({ pid: p.pid, fd });
    });
  }
  return out;
}

/** Holders of a description, for deadlock reports ("write end open in pids 1, 2"). */
export function pidsHolding(k: Kernel, ops: FileOps): number[] {
  const pids: number[] = [];
  for (const p of k.procs.values()) if (p.alive && p.fds.some((of) => of?.ops === ops)) pids.push(p.pid);
  return pids;
}

class Pipe {
  readers = 1;
  writers = 1;
  readonly readWait: Process[] = [];
  readonly writeWait: Process[] = [];
  readonly buf: ByteQueue;
  readonly readEnd: PipeReadEnd;
  readonly writeEnd: PipeWriteEnd;
  /** What the kernel observes of it (observations.ts); null past the cap. */
  obs: PipeRecord | null = null;
  constructor(
    readonly id: number,
    capacity: number,
  ) {
    this.buf = new ByteQueue(capacity);
    this.readEnd = new PipeReadEnd(this);
    this.writeEnd = new PipeWriteEnd(this);
  }
}

class PipeReadEnd implements FileOps {
  readonly kind = "pipe" as const;
  constructor(private readonly pipe: Pipe) {}

  read(k: Kernel, p: Process, r: Request, of: OpenFile, max: number): Uint8Array | typeof BLOCKED {
    const pipe = this.pipe;
    if (pipe.buf.length > 0) {
      const out = pipe.buf.shift(max);
      if (pipe.obs !== null) pipe.obs.read(p.pid, out.length);
      k.wakeAll(pipe.writeWait);
      return out;
    }
    // EOF only when no write end is open anywhere, including ones inherited by children.
    if (pipe.writers === 0) return new Uint8Array(0);
    if (of.nonblock) fail("EAGAIN");
    return k.block(p, pipe.readWait, {
      describe: () => `read on pipe ${pipe.id} (write end open in pids ${pidsHolding(k, pipe.writeEnd).join(", ") || "none"})`,
      holder: () => pidsHolding(k, pipe.writeEnd).find((pid) => pid !== p.pid),
      object: () => ({ kind: "pipe", id: pipe.id, end: "read", fd: Number(r.args[0]), holders: fdsHolding(k, pipe.writeEnd) }),
    });
  }

  release(k: Kernel): void {
    if (--this.pipe.readers === 0) k.wakeAll(this.pipe.writeWait);
  }

  describe(): string {
    return `pipe ${this.pipe.id} read end`;
  }
}

interface WriteProgress {
  bytes: Uint8Array;
  done: number;
}

class PipeWriteEnd implements FileOps {
  readonly kind = "pipe" as const;
  constructor(private readonly pipe: Pipe) {}

  write(k: Kernel, p: Process, r: Request, of: OpenFile, data: Uint8Array): number | typeof BLOCKED {
    const pipe = this.pipe;
    const prog = (r.progress ??= { bytes: data, done: 0 }) as WriteProgress;
    const total = prog.bytes.length;
    if (pipe.readers === 0) {
      // Linux sends SIGPIPE even for a partially completed write, but reports the partial count.
      k.post(p, SIGPIPE, p.pid);
      if (prog.done > 0) return prog.done;
      fail("EPIPE");
    }
    if (total === 0) return 0;
    // Writes up to PIPE_BUF are atomic: all bytes go in together or the writer waits.
    const atomic = total <= k.opts.pipeBuf;
    if (!(atomic && pipe.buf.free < total)) {
      const n = pipe.buf.push(prog.bytes, prog.done);
      if (n > 0) {
        prog.done += n;
        if (pipe.obs !== null) pipe.obs.wrote(p.pid, n);
        k.chargeCopy(p, n);
        k.wakeAll(pipe.readWait);
      }
    }
    if (prog.done === total) return total;
    if (of.nonblock) {
      if (prog.done > 0) return prog.done;
      fail("EAGAIN");
    }
    return k.block(p, pipe.writeWait, {
      describe: () => `write on pipe ${pipe.id} (full, read end open in pids ${pidsHolding(k, pipe.readEnd).join(", ") || "none"})`,
      holder: () => pidsHolding(k, pipe.readEnd).find((pid) => pid !== p.pid),
      object: () => ({ kind: "pipe", id: pipe.id, end: "write", fd: Number(r.args[0]), holders: fdsHolding(k, pipe.readEnd) }),
    });
  }

  release(k: Kernel): void {
    if (--this.pipe.writers === 0) k.wakeAll(this.pipe.readWait);
  }

  describe(): string {
    return `pipe ${this.pipe.id} write end`;
  }
}

/** pipe(2) → [readFd, writeFd]. */
export function sysPipe(k: Kernel, p: Process, r: Request): number[] {
  const opts = r.args[0] as { nonblock?: boolean } | undefined;
  const pipe = new Pipe(k.newObjectId(), k.opts.pipeCapacity);
  pipe.obs = k.obs.pipe(pipe.id, p.pid);
  const nb = !!opts?.nonblock;
  return installFds(k, p, [new OpenFile(pipe.readEnd, nb), new OpenFile(pipe.writeEnd, nb)]);
}

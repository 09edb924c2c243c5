"use client";

import { useCallback, useEffect, useRef } from "react";
import type { KernelReply, KernelRequest } from "@/lib/widgets/kernel-requests";

/**
 * One kernel Web Worker per widget, created on mount and terminated on
 * unmount; `run` sends a request and resolves with the worker's reply.
 */
export function useKernel(): (request: KernelRequest) => Promise<unknown> {
  const worker = useRef<Worker | null>(null);
  const pending = useRef(new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>());
  const nextId = useRef(1);

  useEffect(() => {
    const calls = pending.current;
    const w = new Worker(new URL("./kernel.worker.ts", import.meta.url), { type: "module" });
    w.onmessage = (e: MessageEvent<KernelReply>) => {
      const call = calls.get(e.data.id);
      if (!call) return;
      calls.delete(e.data.id);
      if (e.data.ok) call.resolve(e.data.result);
      else call.reject(new Error(e.data.error));
    };
    worker.current = w;
    return () => {
      w.terminate();
      worker.current = null;
      for (const call of calls.values()) call.reject(new Error("widget closed"));
      calls.clear();
    };
  }, []);

  return useCallback((request: KernelRequest) => {
    const w = worker.current;
    if (!w) return Promise.reject(new Error("kernel worker not ready"));
    const id = nextId.current++;
    return new Promise<unknown>((resolve, reject) => {
      pending.current.set(id, { resolve, reject });
      w.postMessage({ id, request });
    });
  }, []);
}

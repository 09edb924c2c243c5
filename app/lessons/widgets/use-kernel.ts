"use client";

import { wrap, type Remote } from "comlink";
import { useCallback, useEffect, useRef } from "react";
import type { KernelRequest } from "@/lib/widgets/kernel-requests";
import type { KernelWorkerApi } from "./kernel.worker";

/**
 * One kernel Web Worker per widget, created on mount and terminated on
 * unmount; the returned function runs a request in it.
 */
export function useKernel(): (request: KernelRequest) => Promise<unknown> {
  const kernel = useRef<Remote<KernelWorkerApi> | null>(null);

  useEffect(() => {
    const worker = new Worker(new URL("./kernel.worker.ts", import.meta.url), { type: "module" });
    kernel.current = wrap<KernelWorkerApi>(worker);
    return () => {
      worker.terminate();
      kernel.current = null;
    };
  }, []);

  return useCallback((request: KernelRequest) => kernel.current?.run(request) ?? Promise.reject(new Error("kernel worker not ready")), []);
}

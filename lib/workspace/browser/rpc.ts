/**
 * A minimal request/response protocol over postMessage, for the editor's TypeScript worker
 * (what Comlink would do; it is not installed). Every method of the exposed object becomes
 * an async method of the proxy; arguments and results are structured-cloned.
 */
type Request = { rpc: number; method: string; args: unknown[] };
type Response = { rpc: number; result?: unknown; error?: string };

type Promisified<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never };

/** Worker side: answers requests with the methods of `api`. */
export function exposeApi(api: Record<string, (...args: never[]) => unknown>, scope: { onmessage: unknown; postMessage(message: unknown): void }) {
  scope.onmessage = async (event: MessageEvent<Request>) => {
    const { rpc, method, args } = event.data;
    try {
      const fn = api[method] as ((...a: unknown[]) => unknown) | undefined;
      if (!fn) throw new Error(`no method ${method}`);
      scope.postMessage({ rpc, result: await fn(...args) } satisfies Response);
    } catch (error) {
      scope.postMessage({ rpc, error: String((error as Error)?.message ?? error) } satisfies Response);
    }
  };
}

/** Page side: a proxy whose method calls run in the worker. */
export function wrapWorker<T extends object>(worker: Worker): Promisified<T> {
  let next = 1;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  worker.addEventListener("message", (event: MessageEvent<Response>) => {
    const waiting = pending.get(event.data.rpc);
    if (!waiting) return;
    pending.delete(event.data.rpc);
    if (event.data.error !== undefined) waiting.reject(new Error(event.data.error));
    else waiting.resolve(event.data.result);
  });
  return new Proxy({} as Promisified<T>, {
    get: (_target, method) =>
      typeof method !== "string" || method === "then"
        ? undefined
        : (...args: unknown[]) =>
            new Promise((resolve, reject) => {
              const rpc = next++;
              pending.set(rpc, { resolve, reject });
              worker.postMessage({ rpc, method, args } satisfies Request);
            }),
  });
}

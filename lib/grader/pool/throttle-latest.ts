/**
 * Calls `fn` at most once per `intervalMs` with the latest value: the first call goes
 * through at once, later ones within the interval collapse into one trailing call.
 * Progress arrives far more often than anyone needs to see it (IPC, database writes).
 */
export function throttleLatest<T>(fn: (value: T) => void, intervalMs: number) {
  let last = 0;
  let pending: { value: T } | undefined;
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    timer = undefined;
    if (!pending) return;
    const { value } = pending;
    pending = undefined;
    last = Date.now();
    fn(value);
  };

  return {
    call(value: T) {
      pending = { value };
      const wait = last + intervalMs - Date.now();
      if (wait <= 0) flush();
      else timer ??= setTimeout(flush, wait);
    },
    /** Drops a pending trailing call (e.g. once the final result is out). */
    cancel() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending = undefined;
    },
  };
}

/** A sleep that can be cut short: the dispatcher waits for the next poll or a notify(). */
export function createWakeup() {
  let wake: (() => void) | undefined;
  let pending = false;
  return {
    /** Resolves after `ms`, or at once on notify() (also one that came while not waiting). */
    wait(ms: number): Promise<void> {
      if (pending) {
        pending = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        }
        wake = done;
      });
    },
    notify(): void {
      if (wake) wake();
      else pending = true;
    },
  };
}

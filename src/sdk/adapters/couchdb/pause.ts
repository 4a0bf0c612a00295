/** Waits `ms` before a retry, or less: resolves at once when `signal` aborts (stopped, or asked to retry now). */
export function pause(ms: number, ...signals: AbortSignal[]): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signals.some((signal) => signal.aborted)) return resolve();
    const done = () => {
      clearTimeout(timer);
      signals.forEach((signal) => signal.removeEventListener('abort', done));
      resolve();
    };
    const timer = setTimeout(done, ms);
    // Each signal directly (AbortSignal.any's combined signal may be collected before it fires).
    signals.forEach((signal) => signal.addEventListener('abort', done, { once: true }));
  });
}

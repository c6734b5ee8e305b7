/** Polling for end-to-end tests: the one place that waits for something to become true. */

/**
 * Polls `probe` until it returns a truthy value, and returns it. Errors thrown by `probe` count as "not
 * yet"; when the time is up, the error names what was awaited and the last value or error seen.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 30_000,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
      last = v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      const seen = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`timed out waiting for ${what}${seen === undefined ? '' : `; last: ${seen}`}`);
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

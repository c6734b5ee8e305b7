import { useCallback, useRef } from 'react';

/**
 * One requestId per intended action: created on the first attempt, reused by a double click or a retry
 * after a network failure (the API then records the action once), and dropped once the API has answered
 * (success, or a 4xx that the person fixes by changing the input, which is a new intended action).
 */
export function useRequestId(): { current: () => string; settle: () => void } {
  const ref = useRef<string | null>(null);
  const current = useCallback(() => (ref.current ??= crypto.randomUUID()), []);
  const settle = useCallback(() => {
    ref.current = null;
  }, []);
  return { current, settle };
}

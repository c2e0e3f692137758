import { useState } from 'preact/hooks';

/**
 * An error message and `guard(action)`: a handler that clears the message, runs the action
 * and shows its failure instead of losing it in an unhandled rejection.
 */
export function useGuardedAction() {
  const [error, setError] = useState<string | null>(null);
  const guard = (action: () => Promise<void>) => async () => {
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return { error, setError, guard };
}

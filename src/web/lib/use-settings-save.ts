import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError } from './api';

/**
 * Saving one section of 自治体の設定: busy while it runs; on success `saved` takes the answer and
 * the page says `doneMessage`; on failure each field's message beside it, the first such field
 * focused, and the error's message above the buttons.
 */
export function useSettingsSave<F extends string, T>(
  fields: readonly F[],
  inputId: (field: F) => string,
  failed: string,
) {
  const navigate = useNavigate();
  const [errors, setErrors] = useState<Map<F, string>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<T>, doneMessage: string, saved: (answer: T) => unknown) => {
    setProblem(null);
    setBusy(true);
    try {
      await saved(await action());
      setErrors(new Map());
      await navigate({ to: '/settings', replace: true, state: { flash: doneMessage } });
    } catch (error) {
      const found = new Map<F, string>();
      for (const issue of error instanceof ApiError ? error.issues : []) {
        const field = fields.find((f) => f === issue.path);
        if (field && !found.has(field)) found.set(field, issue.message);
      }
      setErrors(found);
      setProblem(error instanceof Error ? error.message : failed);
      const first = fields.find((field) => found.has(field));
      if (first) document.getElementById(inputId(first))?.focus();
    } finally {
      setBusy(false);
    }
  };
  return { errors, problem, busy, run };
}

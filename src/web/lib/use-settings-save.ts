import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError } from './api';

/**
 * Saving one section of 自治体の設定: busy while it runs; on success `saved` takes the answer and
 * the page says `doneMessage`; on failure every issue's message by its path (a field, or a row
 * such as `groupMappings[0]`), the first of `fields` with one focused, and the error's message
 * above the buttons.
 */
export function useSettingsSave<F extends string, T>(
  fields: readonly F[],
  inputId: (field: F) => string,
  failed: string,
) {
  const navigate = useNavigate();
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
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
      const found = new Map<string, string>();
      for (const issue of error instanceof ApiError ? error.issues : []) {
        if (!found.has(issue.path)) found.set(issue.path, issue.message);
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

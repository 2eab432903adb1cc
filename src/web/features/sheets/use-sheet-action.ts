import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { SheetView } from '../../../schemas/sheet-edit';
import { ApiError } from '../../lib/api';
import { sheetQuery } from '../../lib/queries';
import { afterSheetChange } from '../../lib/sheet-cache';

export type ActionProblem = { message: string; issues: { path: string; message: string }[] };

function problemOf(error: unknown): ActionProblem {
  if (error instanceof ApiError) return { message: error.message, issues: error.issues };
  return { message: '操作を完了できませんでした。時間をおいてもう一度お試しください。', issues: [] };
}

/**
 * Runs one action on a sheet (提出, 差戻し, 目標の修正…): while it runs the controls are busy; on
 * success the page shows the answered sheet and announces `done`; on failure the API's message
 * stays for the caller to show, and a stale sheet (409) is read again.
 */
export function useSheetAction(sheetId: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ActionProblem | null>(null);

  const run = async (action: () => Promise<SheetView>, done: string): Promise<boolean> => {
    setBusy(true);
    setProblem(null);
    try {
      const sheet = await action();
      await afterSheetChange(queryClient, sheet);
      await navigate({
        to: '/sheets/$sheetId',
        params: { sheetId },
        replace: true,
        state: { flash: done },
      });
      return true;
    } catch (error) {
      setProblem(problemOf(error));
      if (error instanceof ApiError && error.status === 409) {
        await queryClient.invalidateQueries({ queryKey: sheetQuery(sheetId).queryKey });
      }
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { run, busy, problem, clearProblem: () => setProblem(null) };
}

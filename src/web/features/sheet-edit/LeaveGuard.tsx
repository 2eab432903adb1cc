import { useBlocker } from '@tanstack/react-router';
import { type RefObject, useCallback } from 'react';
import { ConfirmDialog } from '../../components/Dialog';

/**
 * Asks before leaving a form with unsaved changes: inside the app with a dialog (TanStack
 * Router's blocker), when closing or reloading the tab with the browser's own question.
 */
export function LeaveGuard({ unsaved }: { unsaved: RefObject<() => boolean> }) {
  const shouldBlockFn = useCallback(() => unsaved.current(), [unsaved]);
  const enableBeforeUnload = useCallback(() => unsaved.current(), [unsaved]);
  const blocker = useBlocker({ shouldBlockFn, enableBeforeUnload, withResolver: true });
  return (
    <ConfirmDialog
      open={blocker.status === 'blocked'}
      title="保存していない変更があります"
      message="このページを離れると、保存していない変更は失われます。ページを離れますか？"
      confirmLabel="変更を破棄して移動する"
      cancelLabel="編集を続ける"
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    />
  );
}

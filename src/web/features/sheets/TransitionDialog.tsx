import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { nextStatus, type Transition, transitionRules } from '../../../domain/sheet-lifecycle';
import { sheetStatusLabels } from '../../../domain/sheet-status';
import type { SheetView } from '../../../schemas/sheet-edit';
import { Dialog } from '../../components/Dialog';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField } from '../../components/FormField';
import { transitionSheet } from '../../lib/api-sheet-edit';
import { fieldId, formPath } from '../../lib/field-id';
import { useSheetAction } from './use-sheet-action';

const commentLabels: Partial<Record<Transition, string>> = {
  return: '差戻しの理由（担当者に伝える内容）',
  reopen: '再開の理由',
};

/** Confirms one move of the sheet (提出, 差戻し, 公開…), asking for the comment it needs. */
export function TransitionDialog({
  sheet,
  transition,
  onClose,
}: {
  sheet: SheetView;
  transition: Transition | null;
  onClose: () => void;
}) {
  const rule = transition ? transitionRules[transition] : null;
  return (
    <Dialog open={transition !== null} title={rule ? rule.label : ''} onClose={onClose}>
      {transition && <TransitionForm sheet={sheet} transition={transition} onClose={onClose} />}
    </Dialog>
  );
}

function TransitionForm({
  sheet,
  transition,
  onClose,
}: {
  sheet: SheetView;
  transition: Transition;
  onClose: () => void;
}) {
  const rule = transitionRules[transition];
  const to = nextStatus(transition, sheet.status);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | undefined>(undefined);
  const { run, busy, problem } = useSheetAction(sheet.id);
  const commentLabel = commentLabels[transition] ?? (rule.needsComment ? '理由' : 'コメント（任意）');

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = comment.trim();
    if (rule.needsComment && text === '') {
      setCommentError(`${commentLabel.replace(/（.*）$/, '')}を入力してください`);
      document.getElementById('transition-comment')?.focus();
      return;
    }
    setCommentError(undefined);
    const ok = await run(
      () =>
        transitionSheet(sheet.id, {
          transition,
          version: sheet.version,
          ...(text === '' ? {} : { comment: text }),
        }),
      `${rule.done}。`,
    );
    if (ok) onClose();
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <p>
        {to
          ? `このシートの状態を「${sheetStatusLabels[sheet.status]}」から「${sheetStatusLabels[to]}」にします。`
          : `「${sheetStatusLabels[sheet.status]}」のシートは${rule.label}できません。`}
      </p>
      <FormField
        id="transition-comment"
        label={commentLabel}
        error={commentError}
        hint={rule.needsComment ? '必須です。' : undefined}
      >
        {(control) => (
          <textarea
            {...control}
            className="textarea"
            rows={4}
            required={rule.needsComment === true}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
        )}
      </FormField>
      {problem && (
        <ErrorSummary
          message={problem.message}
          items={problem.issues.map((issue) => ({
            message: issue.message,
            // The fields are in the editor: a link there, to the field, for whoever may edit.
            link: sheet.permissions.edit && (
              <Link
                to="/sheets/$sheetId/edit"
                params={{ sheetId: sheet.id }}
                hash={fieldId(formPath(issue.path, sheet.fiscalYear))}
                // The modal is closed first: while open it leaves the next page inert, unfocusable.
                onClick={onClose}
              >
                {issue.message}
              </Link>
            ),
          }))}
        />
      )}
      <div className="button-row dialog__buttons">
        <button type="button" className="button button--secondary" onClick={onClose}>
          キャンセル
        </button>
        <button type="submit" className="button" disabled={busy}>
          {busy ? '処理しています…' : rule.verb}
        </button>
      </div>
    </form>
  );
}

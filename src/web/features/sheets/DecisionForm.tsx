import { type FormEvent, type ReactNode, useState } from 'react';
import type { SheetView } from '../../../schemas/sheet-edit';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField } from '../../components/FormField';
import { useSheetAction } from './use-sheet-action';

export type Decision = 'approve' | 'return';
export const decisionLabels = { approve: '承認', return: '差戻し' } as const;
const submitLabels = { approve: '承認する', return: '差し戻す' } as const;

/**
 * 承認 or 差戻し of a proposal (目標の修正, 実績の訂正): what is proposed, a comment (required to
 * return), and the request that carries the decision.
 */
export function DecisionForm({
  sheetId,
  decision,
  summary,
  decide,
  done,
  onClose,
}: {
  sheetId: string;
  decision: Decision;
  /** What is being decided, as a summary list. */
  summary: ReactNode;
  decide: (comment: string | undefined) => Promise<SheetView>;
  /** The message announced after each decision. */
  done: Record<Decision, string>;
  onClose: () => void;
}) {
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | undefined>(undefined);
  const { run, busy, problem } = useSheetAction(sheetId);
  const needsComment = decision === 'return';

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = comment.trim();
    if (needsComment && text === '') {
      setCommentError('差戻しの理由を入力してください');
      document.getElementById('decision-comment')?.focus();
      return;
    }
    const ok = await run(() => decide(text === '' ? undefined : text), done[decision]);
    if (ok) onClose();
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      {summary}
      <FormField
        id="decision-comment"
        label={needsComment ? '差戻しの理由' : 'コメント（任意）'}
        hint={needsComment ? '必須です。' : undefined}
        error={commentError}
      >
        {(control) => (
          <textarea
            {...control}
            className="textarea"
            rows={3}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
        )}
      </FormField>
      {problem && <ErrorSummary message={problem.message} />}
      <div className="button-row dialog__buttons">
        <button type="button" className="button button--secondary" onClick={onClose}>
          キャンセル
        </button>
        <button type="submit" className="button" disabled={busy}>
          {busy ? '処理しています…' : submitLabels[decision]}
        </button>
      </div>
    </form>
  );
}

/** 承認 and 差戻し buttons of one proposal in a list; `subject` names it for screen readers. */
export function DecisionButtons({
  subject,
  onChoose,
}: {
  subject: string;
  onChoose: (decision: Decision) => void;
}) {
  return (
    <div className="button-row button-row--tight">
      {(['approve', 'return'] as const).map((decision) => (
        <button
          key={decision}
          type="button"
          className={
            decision === 'approve' ? 'button button--small' : 'button button--secondary button--small'
          }
          aria-label={`${subject}の${decisionLabels[decision]}`}
          onClick={() => onChoose(decision)}
        >
          {decisionLabels[decision]}
        </button>
      ))}
    </div>
  );
}

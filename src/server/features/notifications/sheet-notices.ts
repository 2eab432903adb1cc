import type { Tx } from '../../../db/client';
import type { sheets } from '../../../db/schema';
import { formatJapaneseDate } from '../../../domain/fiscal-year';
import { type Transition, transitionRules } from '../../../domain/sheet-lifecycle';
import type { HistoryActor } from '../sheets/history';
import { notify, type SheetRole, sheetLabel, sheetPeople } from './notify';

type SheetRow = typeof sheets.$inferSelect;
type Sheet = Pick<
  SheetRow,
  'id' | 'organizationId' | 'wardId' | 'departmentName' | 'organizationName' | 'fiscalYear'
>;

const sheetLink = (sheet: Sheet) => `/sheets/${sheet.id}`;

/** Whom a transition concerns (the one who made it is never told), and how its subject ends. */
const transitionNotices: Record<Transition, { to: SheetRole[]; subject: string; ask?: string }> = {
  submit: {
    to: ['head'],
    subject: 'が提出されました',
    ask: '内容を確認し、承認するか差し戻してください。',
  },
  approve: { to: ['editor'], subject: 'が承認されました' },
  return: {
    to: ['editor', 'head'],
    subject: 'が差し戻されました',
    ask: 'コメントを確認し、修正してください。',
  },
  submitEvaluation: {
    to: ['head'],
    subject: 'の評価が提出されました',
    ask: '内容を確認し、承認するか差し戻してください。',
  },
  approveEvaluation: {
    to: ['editor', 'planner'],
    subject: 'の評価が承認されました',
    ask: '企画担当は評価を確定してください。',
  },
  confirmEvaluation: { to: ['editor', 'head'], subject: 'の評価が確定されました' },
  publish: { to: ['editor', 'head'], subject: 'が公開されました' },
  reopen: { to: ['editor', 'head'], subject: 'の評価の確定が取り消されました（再開）' },
};

const lines = (...parts: (string | null | undefined)[]) => parts.filter((p) => p).join('\n');

/** 提出, 差戻し, 承認…: the people who act next, or whose sheet it is. */
export async function noticeOfTransition(
  tx: Tx,
  sheet: Sheet,
  transition: Transition,
  by: HistoryActor,
  comment: string | null,
): Promise<void> {
  const rule = transitionNotices[transition];
  await notify(
    tx,
    await sheetPeople(tx, sheet, rule.to),
    {
      kind: 'transition',
      sheetId: sheet.id,
      subject: `${sheetLabel(sheet)}${rule.subject}`,
      body: lines(
        `${by.name}さんが${transitionRules[transition].done}。`,
        comment && `コメント：${comment}`,
        rule.ask,
      ),
      link: sheetLink(sheet),
    },
    { except: by.id },
  );
}

const proposalNames = { revision: '目標の修正', correction: '過年度実績の訂正' } as const;

/** 目標の修正・実績の訂正: asked of those who decide, and the decision told to the proposer. */
export async function noticeOfProposal(
  tx: Tx,
  sheet: Sheet,
  proposal: {
    what: keyof typeof proposalNames;
    stage: 'proposed' | 'approved' | 'returned';
    /** The indicator and year, as the history labels it. */
    label: string;
    proposedBy: string | null;
    comment: string | null;
  },
  by: HistoryActor,
): Promise<void> {
  const name = proposalNames[proposal.what];
  const deciders: SheetRole[] = proposal.what === 'revision' ? ['head'] : ['head', 'planner'];
  const recipients =
    proposal.stage === 'proposed'
      ? await sheetPeople(tx, sheet, deciders)
      : proposal.proposedBy
        ? [proposal.proposedBy]
        : [];
  const outcome = {
    proposed: 'の申請があります',
    approved: 'が承認されました',
    returned: 'が差し戻されました',
  };
  await notify(
    tx,
    recipients,
    {
      kind: 'proposal',
      sheetId: sheet.id,
      subject: `${sheetLabel(sheet)}：${name}${outcome[proposal.stage]}`,
      body: lines(
        proposal.label,
        `${proposal.stage === 'proposed' ? '申請者' : '判断した人'}：${by.name}さん`,
        proposal.comment && `${proposal.stage === 'proposed' ? '理由' : 'コメント'}：${proposal.comment}`,
        proposal.stage === 'proposed' ? '承認するか差し戻してください。' : null,
      ),
      link: sheetLink(sheet),
    },
    { except: by.id },
  );
}

/**
 * A comment: a new thread goes to the other side (the 企画担当 asks the organization; the
 * organization's question goes to the 企画担当), a reply to everyone who wrote in the thread.
 */
export async function noticeOfComment(
  tx: Tx,
  sheet: Sheet,
  comment: {
    subjectLabel: string;
    body: string;
    participants: readonly string[];
    authorRoles: ReadonlySet<string>;
  },
  by: HistoryActor,
): Promise<void> {
  const fromOrganization = comment.authorRoles.has('editor') || comment.authorRoles.has('head');
  const others = await sheetPeople(
    tx,
    sheet,
    fromOrganization ? ['planner', 'editor', 'head'] : ['editor', 'head'],
  );
  // A reply goes to those who wrote in the thread; with nobody there but its author (a second
  // word on one's own unanswered question), to whom a new thread would go.
  const participants = comment.participants.filter((id) => id !== by.id);
  const recipients = participants.length > 0 ? participants : others;
  await notify(
    tx,
    recipients,
    {
      kind: 'comment',
      sheetId: sheet.id,
      subject: `${sheetLabel(sheet)}：${comment.subjectLabel}にコメントがあります`,
      body: lines(`${by.name}さん：`, comment.body),
      link: sheetLink(sheet),
    },
    { except: by.id },
  );
}

/** 督促 from the 企画担当: to those whose step the sheet waits for, told once per `onceKey`. */
export async function noticeOfReminder(
  tx: Tx,
  sheet: Sheet,
  reminder: { deadline: string | null; step: string; message: string | null },
  by: HistoryActor,
  to: { recipients: readonly string[]; onceKey: string | undefined },
): Promise<number> {
  return notify(
    tx,
    to.recipients,
    {
      kind: 'reminder',
      sheetId: sheet.id,
      subject: `【督促】${sheetLabel(sheet)}の${reminder.step}をお願いします`,
      body: lines(
        `${by.name}さんからの督促です。`,
        reminder.deadline && `期限：${formatJapaneseDate(reminder.deadline)}`,
        reminder.message,
      ),
      link: sheetLink(sheet),
      ...(to.onceKey ? { onceKey: to.onceKey } : {}),
    },
    { except: by.id },
  );
}

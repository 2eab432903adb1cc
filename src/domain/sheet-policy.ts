import { type Actor, type OrganizationScope, type Role, rolesReaching } from './roles';
import { type SheetStatus, sheetStatuses } from './sheet-status';

/**
 * The sheet feature's policy table: for each permission, in which states which roles may use
 * it, and whether the public may. Routes ask `can`; responses carry `sheetPermissions` so the
 * UI shows only what the user may do. Tests walk this table (see sheet-policy.test.ts and the
 * authorization matrix).
 */
export const sheetPermissions = [
  'read',
  'readHistory',
  'edit',
  'submit',
  'approve',
  'return',
  'proposeRevision',
  'decideRevision',
  'submitEvaluation',
  'approveEvaluation',
  'confirmEvaluation',
  'publish',
  'reopen',
  'setDates',
  'comment',
  'remind',
] as const;
export type SheetPermission = (typeof sheetPermissions)[number];

interface Rule {
  /** States in which anyone, signed in or not, holds the permission. */
  public?: readonly SheetStatus[];
  grants: Partial<Record<Role, readonly SheetStatus[]>>;
  /**
   * Nobody decides on his or her own work: the person the subject names here (who submitted
   * the sheet, who proposed the revision being decided) does not hold the permission.
   */
  notBy?: OwnWork;
}

/** What a decision is on, by who made it: a subject's field naming a user. */
export type OwnWork = 'submittedBy' | 'proposedBy';

const all = sheetStatuses;
const editable = ['draft', 'approved'] as const;

export const sheetPolicy: Record<SheetPermission, Rule> = {
  read: { public: ['published'], grants: { admin: all, viewer: all, planner: all, head: all, editor: all } },
  readHistory: { grants: { admin: all, viewer: all, planner: all, head: all, editor: all } },
  edit: { grants: { editor: editable, head: editable } },
  submit: { grants: { editor: ['draft'], head: ['draft'] } },
  approve: { grants: { head: ['submitted'] }, notBy: 'submittedBy' },
  return: {
    grants: {
      head: ['submitted', 'evaluation_submitted'],
      planner: ['submitted', 'evaluation_submitted', 'evaluation_approved'],
    },
  },
  proposeRevision: { grants: { editor: ['approved'], head: ['approved'] } },
  decideRevision: { grants: { head: ['approved'] }, notBy: 'proposedBy' },
  submitEvaluation: { grants: { editor: ['approved'], head: ['approved'] } },
  approveEvaluation: { grants: { head: ['evaluation_submitted'] }, notBy: 'submittedBy' },
  confirmEvaluation: { grants: { planner: ['evaluation_approved'] } },
  publish: { grants: { planner: ['evaluated'] } },
  reopen: { grants: { planner: ['evaluated', 'published'] } },
  /** One sheet's own 作成日・修正日・評価日; even a 評価確定 or 公開 sheet's, by the 企画担当 only. */
  setDates: { grants: { planner: all } },
  /** コメント: start a thread on the sheet, a goal or an indicator, reply, resolve and reopen it. */
  comment: { grants: { admin: all, planner: all, head: all, editor: all } },
  /**
   * 督促: asking the organization to finish the step its sheet stands at, while the step is
   * theirs (評価の承認 done, the next step — 評価の確定 — is the 企画担当's own).
   */
  remind: { grants: { planner: ['draft', 'submitted', 'approved', 'evaluation_submitted'] } },
};

export interface SheetPolicySubject extends OrganizationScope {
  status: SheetStatus;
  /** Who made the submission now awaiting a decision. */
  submittedBy: string | null;
  /** Who proposed the target revision being decided, when the question is about one. */
  proposedBy?: string | null;
}

/** Whether the rule's own-work condition keeps this actor from the permission on this sheet. */
export function isOwnWork(
  actor: Actor | null,
  permission: SheetPermission,
  sheet: SheetPolicySubject,
): boolean {
  const field = sheetPolicy[permission].notBy;
  return field !== undefined && actor !== null && (sheet[field] ?? null) === actor.userId;
}

export function can(actor: Actor | null, permission: SheetPermission, sheet: SheetPolicySubject): boolean {
  const rule = sheetPolicy[permission];
  if (rule.public?.includes(sheet.status)) return true;
  if (isOwnWork(actor, permission, sheet)) return false;
  for (const role of rolesReaching(actor, sheet)) {
    if (rule.grants[role]?.includes(sheet.status)) return true;
  }
  return false;
}

/** Every permission's answer for one sheet: sent with the sheet so the UI needs no rules. */
export function permissionsFor(
  actor: Actor | null,
  sheet: SheetPolicySubject,
): Record<SheetPermission, boolean> {
  return Object.fromEntries(sheetPermissions.map((p) => [p, can(actor, p, sheet)])) as Record<
    SheetPermission,
    boolean
  >;
}

/** The states in which anyone without a grant sees a sheet. */
export const publicStatuses: readonly SheetStatus[] = sheetPolicy.read.public ?? [];

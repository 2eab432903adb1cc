import { describe, expect, it } from 'vitest';
import type { Actor, Role } from './roles';
import { can, permissionsFor, publicStatuses, type SheetPolicySubject } from './sheet-policy';
import { type SheetStatus, sheetStatuses } from './sheet-status';

const place = { municipalityId: 'city', wardId: 'kita', organizationId: 'somu' };
const sheet = (status: SheetStatus, submittedBy: string | null = 'staff'): SheetPolicySubject => ({
  ...place,
  status,
  submittedBy,
});
const actor = (userId: string, role: Role, organizationId: string | null): Actor => ({
  userId,
  municipalityId: 'city',
  grants: [{ role, organizationId }],
});

const staff = actor('staff', 'editor', 'somu');
const head = actor('head', 'head', 'somu');
const otherStaff = actor('other', 'editor', 'fukushi');
const otherHead = actor('otherHead', 'head', 'fukushi');
const planner = actor('planner', 'planner', 'kita');
const otherPlanner = actor('minami', 'planner', 'minami');
const viewer = actor('viewer', 'viewer', null);
const admin = actor('admin', 'admin', null);
const foreigner: Actor = { ...admin, municipalityId: 'other-city' };

describe('the sheet policy, rule by rule', () => {
  it('the public reads published sheets only, and nothing else', () => {
    expect(publicStatuses).toEqual(['published']);
    for (const status of sheetStatuses) {
      expect(can(null, 'read', sheet(status))).toBe(status === 'published');
      expect(permissionsFor(null, sheet(status))).toMatchObject({
        edit: false,
        readHistory: false,
        publish: false,
      });
    }
  });

  it('another organization’s staff see a draft as the public does: not at all', () => {
    for (const who of [otherStaff, otherHead, otherPlanner, foreigner]) {
      expect(can(who, 'read', sheet('draft'))).toBe(false);
      expect(can(who, 'read', sheet('published'))).toBe(true);
    }
  });

  it('閲覧者, 管理者 and the 部区’s 企画担当 read everything of theirs but edit nothing', () => {
    for (const who of [viewer, admin, planner]) {
      for (const status of sheetStatuses) {
        expect(can(who, 'read', sheet(status))).toBe(true);
        expect(can(who, 'edit', sheet(status))).toBe(false);
      }
    }
  });

  it('担当者 and 所属長 edit their own sheet in 下書き and 承認済み only', () => {
    for (const who of [staff, head]) {
      for (const status of sheetStatuses) {
        expect(can(who, 'edit', sheet(status))).toBe(status === 'draft' || status === 'approved');
      }
    }
    expect(can(otherStaff, 'edit', sheet('draft'))).toBe(false);
  });

  it('nobody approves his or her own submission', () => {
    expect(can(head, 'approve', sheet('submitted', 'staff'))).toBe(true);
    expect(can(head, 'approve', sheet('submitted', 'head'))).toBe(false);
    expect(can(head, 'approveEvaluation', sheet('evaluation_submitted', 'head'))).toBe(false);
    expect(can(staff, 'approve', sheet('submitted', 'other'))).toBe(false);
  });

  it('only the 部区’s 企画担当 confirms, publishes and reopens', () => {
    expect(can(planner, 'confirmEvaluation', sheet('evaluation_approved'))).toBe(true);
    expect(can(otherPlanner, 'confirmEvaluation', sheet('evaluation_approved'))).toBe(false);
    expect(can(head, 'confirmEvaluation', sheet('evaluation_approved'))).toBe(false);
    expect(can(planner, 'publish', sheet('evaluated'))).toBe(true);
    expect(can(admin, 'publish', sheet('evaluated'))).toBe(false);
    expect(can(planner, 'reopen', sheet('published'))).toBe(true);
    expect(can(head, 'reopen', sheet('published'))).toBe(false);
  });

  it('after 評価確定 the sheet is locked for everyone', () => {
    for (const who of [staff, head, planner, admin]) {
      for (const permission of ['edit', 'proposeRevision', 'submitEvaluation'] as const) {
        expect(can(who, permission, sheet('evaluated'))).toBe(false);
        expect(can(who, permission, sheet('published'))).toBe(false);
      }
    }
  });
});

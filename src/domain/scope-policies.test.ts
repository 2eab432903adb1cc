import { describe, expect, it } from 'vitest';
import { canOnMunicipality, municipalityGrantsMay, municipalityPermissions } from './municipality-policy';
import { canCorrect, correctionPermissions } from './result-correction';
import { type Actor, type Role, rolesInWords } from './roles';
import { can, type SheetPolicySubject } from './sheet-policy';
import {
  canImport,
  canOnWard,
  mayImportSomewhere,
  wardPermissions,
  wardRolesMay,
  wardRolesOf,
} from './ward-policy';

const actor = (
  userId: string,
  role: Role,
  organizationId: string | null,
  municipalityId = 'city',
): Actor => ({
  userId,
  municipalityId,
  grants: [{ role, organizationId }],
});
const admin = actor('admin', 'admin', null);
const viewer = actor('viewer', 'viewer', null);
const planner = actor('planner', 'planner', 'kita');
const otherPlanner = actor('minami', 'planner', 'minami');
const head = actor('head', 'head', 'somu');
const staff = actor('staff', 'editor', 'somu');
const foreignAdmin = actor('foreign', 'admin', null, 'other-city');
const kita = { municipalityId: 'city', wardId: 'kita' };

describe('the 部区 policy', () => {
  it('reaches a 部区 through municipality-wide roles and that 部区’s 企画担当 only', () => {
    expect(canOnWard(planner, 'rollover', kita)).toBe(true);
    expect(canOnWard(otherPlanner, 'rollover', kita)).toBe(false);
    expect(canOnWard(admin, 'rollover', kita)).toBe(false);
    expect(canOnWard(admin, 'reorganize', kita)).toBe(true);
    expect(canOnWard(foreignAdmin, 'reorganize', kita)).toBe(false);
    expect(canOnWard(viewer, 'checkConsistency', kita)).toBe(true);
    for (const permission of wardPermissions) {
      expect(canOnWard(null, permission, kita)).toBe(false);
      expect(canOnWard(head, permission, kita)).toBe(false);
      expect(canOnWard(staff, permission, kita)).toBe(false);
    }
  });

  it('lets only 管理者 import a 部区 not registered yet, of their own municipality; never registers a municipality', () => {
    expect(canImport(planner, { municipalityId: 'city', wardId: 'kita' })).toBe(true);
    expect(canImport(planner, { municipalityId: 'city', wardId: null })).toBe(false);
    expect(canImport(admin, { municipalityId: 'city', wardId: null })).toBe(true);
    expect(canImport(foreignAdmin, { municipalityId: 'city', wardId: null })).toBe(false);
    expect(canImport(foreignAdmin, { municipalityId: null, wardId: null })).toBe(false);
    expect(canImport(admin, { municipalityId: null, wardId: null })).toBe(false);
    expect(canImport(null, { municipalityId: null, wardId: null })).toBe(false);
    expect([admin, planner, otherPlanner].every((a) => mayImportSomewhere(a.grants))).toBe(true);
    expect([viewer, head, staff, null].some((a) => mayImportSomewhere(a?.grants))).toBe(false);
  });

  it('answers the web on the grants alone exactly as on the actor within the municipality', () => {
    for (const who of [admin, viewer, planner, otherPlanner, head, staff]) {
      for (const permission of wardPermissions) {
        expect(wardRolesMay(permission, wardRolesOf(who.grants, 'kita'))).toBe(
          canOnWard(who, permission, kita),
        );
      }
      for (const permission of municipalityPermissions) {
        expect(municipalityGrantsMay(permission, who.grants)).toBe(
          canOnMunicipality(who, permission, 'city'),
        );
      }
    }
  });
});

describe('the municipality policy', () => {
  it('is the actor’s own municipality’s only', () => {
    expect(canOnMunicipality(admin, 'setEvaluationRule', 'city')).toBe(true);
    expect(canOnMunicipality(foreignAdmin, 'setEvaluationRule', 'city')).toBe(false);
    expect(canOnMunicipality(staff, 'readNominalDates', 'city')).toBe(true);
    expect(canOnMunicipality(planner, 'readSignInThrottles', 'city')).toBe(false);
    expect(canOnMunicipality(null, 'readEvaluationRule', 'city')).toBe(false);
  });
});

describe('the own-work conditions inside the tables', () => {
  const scope = { municipalityId: 'city', wardId: 'kita', organizationId: 'somu' };
  it('keeps the proposer of a correction from deciding it, and nobody else', () => {
    expect(correctionPermissions).toEqual(['proposeCorrection', 'decideCorrection']);
    expect(canCorrect(head, 'decideCorrection', { ...scope, proposedBy: 'staff' })).toBe(true);
    expect(canCorrect(head, 'decideCorrection', { ...scope, proposedBy: 'head' })).toBe(false);
    expect(canCorrect(planner, 'decideCorrection', { ...scope, proposedBy: 'planner' })).toBe(false);
    expect(canCorrect(head, 'proposeCorrection', { ...scope, proposedBy: 'head' })).toBe(true);
    expect(canCorrect(staff, 'decideCorrection', { ...scope, proposedBy: 'head' })).toBe(false);
  });

  it('keeps the proposer of a target revision from deciding it', () => {
    const sheet: SheetPolicySubject = { ...scope, status: 'approved', submittedBy: null };
    expect(can(head, 'decideRevision', sheet)).toBe(true);
    expect(can(head, 'decideRevision', { ...sheet, proposedBy: 'staff' })).toBe(true);
    expect(can(head, 'decideRevision', { ...sheet, proposedBy: 'head' })).toBe(false);
    // Only the decision is own work: the proposer still edits and proposes.
    expect(can(head, 'proposeRevision', { ...sheet, proposedBy: 'head' })).toBe(true);
  });
});

describe('roles in words', () => {
  it('names the narrowest reach first', () => {
    expect(rolesInWords(['admin', 'planner'])).toBe('企画担当・管理者');
    expect(rolesInWords(['admin', 'viewer', 'planner'])).toBe('企画担当・閲覧者・管理者');
    expect(rolesInWords(['head', 'editor'])).toBe('担当者・所属長');
  });
});

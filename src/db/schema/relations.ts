import { relations } from 'drizzle-orm';
import { resultCorrections } from './corrections';
import { sheetHistory } from './history';
import { indicators, indicatorValues, placements, targetRevisions } from './indicators';
import { goals, sheets } from './sheets';
import { users } from './users';

/**
 * The ways drizzle's relational queries may walk the tables: what a sheet shows (its goals,
 * their placed indicators, each series' values, revisions and corrections) and the workflow
 * around it, each read in one statement (`db.query…`) instead of one per table.
 */
export const sheetRelations = relations(sheets, ({ many }) => ({
  goals: many(goals),
  history: many(sheetHistory),
}));

export const goalRelations = relations(goals, ({ one, many }) => ({
  sheet: one(sheets, { fields: [goals.sheetId], references: [sheets.id] }),
  placements: many(placements),
}));

export const placementRelations = relations(placements, ({ one }) => ({
  goal: one(goals, { fields: [placements.goalId], references: [goals.id] }),
  indicator: one(indicators, { fields: [placements.indicatorId], references: [indicators.id] }),
}));

export const indicatorRelations = relations(indicators, ({ many }) => ({
  placements: many(placements),
  values: many(indicatorValues),
  revisions: many(targetRevisions),
  corrections: many(resultCorrections),
}));

export const indicatorValueRelations = relations(indicatorValues, ({ one }) => ({
  indicator: one(indicators, { fields: [indicatorValues.indicatorId], references: [indicators.id] }),
}));

export const targetRevisionRelations = relations(targetRevisions, ({ one }) => ({
  indicator: one(indicators, { fields: [targetRevisions.indicatorId], references: [indicators.id] }),
  proposer: one(users, { fields: [targetRevisions.proposedBy], references: [users.id] }),
}));

export const resultCorrectionRelations = relations(resultCorrections, ({ one }) => ({
  indicator: one(indicators, { fields: [resultCorrections.indicatorId], references: [indicators.id] }),
  proposer: one(users, { fields: [resultCorrections.proposedBy], references: [users.id] }),
}));

export const sheetHistoryRelations = relations(sheetHistory, ({ one }) => ({
  sheet: one(sheets, { fields: [sheetHistory.sheetId], references: [sheets.id] }),
  actor: one(users, { fields: [sheetHistory.actorId], references: [users.id] }),
}));

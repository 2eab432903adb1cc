import { and, between, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { preparedOnce } from '../../../db/prepared';
import { actualYears } from '../../../domain/fiscal-year';
import { canCorrect, closedStatuses } from '../../../domain/result-correction';
import type { Actor } from '../../../domain/roles';
import type { CorrectionItem } from '../../../schemas/result-correction';
import type { SheetView } from '../../../schemas/sheet-edit';
import type { CachedSheet } from './sheet-cache';

type Workflow = NonNullable<SheetView['workflow']>;

/** The workflow's one statement: the sheet `id` of year `fy`, its results from year `from`. */
function workflowQuery(db: Db | Tx) {
  return db.query.sheets
    .findFirst({
      where: (s) => eq(s.id, sql.placeholder('id')),
      columns: { id: true },
      with: {
        history: {
          where: (h) => eq(h.kind, 'transition'),
          orderBy: (h) => [desc(h.id)],
          limit: 1,
          with: { actor: { columns: { displayName: true } } },
        },
        goals: {
          columns: { no: true },
          orderBy: (g) => [g.no],
          with: {
            placements: {
              columns: { position: true },
              orderBy: (p) => [p.position],
              with: {
                indicator: {
                  columns: { id: true, name: true },
                  with: {
                    revisions: {
                      where: (r) => and(eq(r.status, 'proposed'), eq(r.fiscalYear, sql.placeholder('fy'))),
                      with: { proposer: { columns: { displayName: true } } },
                    },
                    corrections: {
                      where: (c) =>
                        and(
                          between(c.fiscalYear, sql.placeholder('from'), sql.placeholder('fy')),
                          inArray(c.status, ['proposed', 'returned']),
                        ),
                      orderBy: (c) => [desc(c.createdAt)],
                      with: { proposer: { columns: { displayName: true } } },
                    },
                    // The sheets placing the series: a past year with an open sheet corrects there.
                    placements: {
                      columns: {},
                      with: {
                        goal: {
                          columns: {},
                          with: { sheet: { columns: { fiscalYear: true, status: true } } },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    })
    .prepare('');
}

/**
 * The workflow around a sheet, for the people working on it, in one statement: the last
 * 差戻し, target revisions waiting for a decision, corrections of its results waiting or
 * returned, and which results the actor may propose to correct.
 */
export async function workflowOf(db: Db, actor: Actor, entry: CachedSheet): Promise<Workflow> {
  const { detail, subject } = entry;
  const fy = detail.fiscalYear;
  const pastYears = actualYears(fy);
  const row = await preparedOnce(db, workflowQuery).execute({ id: detail.id, fy, from: fy - 3 });
  const [last] = row?.history ?? [];
  const placed = (row?.goals ?? []).flatMap((g) => g.placements.map((p) => p.indicator));
  return {
    lastReturn:
      last?.action === 'return'
        ? { comment: last.comment, by: last.actor?.displayName ?? last.actorName, at: last.at.toISOString() }
        : null,
    pendingRevisions: placed.flatMap((indicator) =>
      indicator.revisions.map((r) => ({
        id: r.id,
        indicatorId: r.indicatorId,
        indicatorName: indicator.name,
        from: r.fromText,
        to: r.toText,
        reason: r.reason,
        proposedBy: r.proposer?.displayName ?? null,
        proposedById: r.proposedBy,
      })),
    ),
    corrections: placed
      .flatMap((indicator) =>
        // The latest proposal of each result stands; older returned ones are history.
        latestOfEachYear(indicator.corrections).map(
          (c): CorrectionItem => ({
            id: c.id,
            indicatorId: c.indicatorId,
            indicatorName: indicator.name,
            fiscalYear: c.fiscalYear,
            from: c.fromText,
            to: c.toText,
            reason: c.reason,
            status: c.status,
            proposedBy: c.proposer?.displayName ?? null,
            proposedAt: c.createdAt.toISOString(),
            decisionComment: c.decisionComment,
            mayDecide:
              c.status === 'proposed' &&
              canCorrect(actor, 'decideCorrection', { ...subject, proposedBy: c.proposedBy }),
          }),
        ),
      )
      .sort((a, b) => b.proposedAt.localeCompare(a.proposedAt)),
    correctable: canCorrect(actor, 'proposeCorrection', subject)
      ? placed.flatMap((indicator) => {
          const openYears = new Set(
            indicator.placements
              .map((p) => p.goal.sheet)
              .filter((s) => !closedStatuses.includes(s.status))
              .map((s) => s.fiscalYear),
          );
          return [
            ...pastYears
              .filter((y) => !openYears.has(y))
              .map((fiscalYear) => ({ indicatorId: indicator.id, fiscalYear })),
            ...(closedStatuses.includes(detail.status)
              ? [{ indicatorId: indicator.id, fiscalYear: fy }]
              : []),
          ];
        })
      : [],
    datesSetIndividually: entry.datesSetIndividually,
  };
}

/** Of corrections newest first, the first of each year. */
function latestOfEachYear<T extends { fiscalYear: number }>(corrections: T[]): T[] {
  const seen = new Set<number>();
  return corrections.filter((c) => {
    if (seen.has(c.fiscalYear)) return false;
    seen.add(c.fiscalYear);
    return true;
  });
}

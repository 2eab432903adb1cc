import { Hono } from 'hono';
import { snapshotStages } from '../../../domain/sheet-lifecycle';
import { historySchema, type SheetHistory } from '../../../schemas/answers';
import { type SheetDetail, sheetDetailSchema, wardYearSheetsSchema } from '../../../schemas/sheet';
import { setSheetDatesSchema } from '../../../schemas/sheet-dates';
import {
  decideRevisionSchema,
  proposeRevisionSchema,
  type RevisionProposed,
  revisionProposedSchema,
  type SheetMoved,
  type SheetSaved,
  saveSheetSchema,
  sheetMovedSchema,
  sheetSavedSchema,
  sheetViewSchema,
  transitionSheetSchema,
} from '../../../schemas/sheet-edit';
import { wardYearQuery } from '../../../schemas/ward-year';
import { z } from '../../../schemas/zod';
import { sendPrivate, sendShared } from '../../answer-cache';
import type { AppEnv } from '../../app-env';
import { acceptsBody, bodyLimits } from '../../middleware/body-limit';
import { signedIn } from '../../middleware/signed-in';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import { setSheetDates } from '../sheet-dates/set-sheet-dates';
import { getSnapshot, listHistory, listSnapshots } from './history';
import { decideRevision, proposeRevision } from './revisions';
import { saveSheet } from './save-sheet';
import { authorize, loadSheetSubject } from './sheet-access';
import type { SheetCache } from './sheet-cache';
import { transitionSheet } from './transition-sheet';
import { signedInView, viewSheet } from './view-sheet';
import { viewWardSheets } from './view-ward-sheets';

export const sheetParam = z.object({ id: z.uuid('シートの ID が正しくありません') });
const revisionParam = sheetParam.extend({ revisionId: z.uuid('申請の ID が正しくありません') });
const snapshotParam = sheetParam.extend({
  stage: z.enum(snapshotStages, '段階は plan・revision・evaluation のいずれかを指定してください'),
});

export function sheetsRoutes(cache: SheetCache) {
  return new Hono<AppEnv>()
    .get(
      '/',
      doc({ summary: '部区・年度のシート一覧と件数', response: wardYearSheetsSchema }),
      validate('query', wardYearQuery),
      async (c) => {
        const view = await viewWardSheets(c.get('db'), cache, {
          ...c.req.valid('query'),
          actor: c.get('actor'),
        });
        return view.shared ? sendShared(c, view.answer) : sendPrivate(c, view.body);
      },
    )
    .get(
      '/:id',
      doc({ summary: '一つのシートのすべてと、できる操作', response: sheetViewSchema }),
      validate('param', sheetParam),
      async (c) => {
        const view = await viewSheet(c.get('db'), cache, c.get('actor'), c.req.valid('param').id);
        return view.shared ? sendShared(c, view) : sendPrivate(c, view.body);
      },
    )
    .put(
      '/:id',
      doc({
        summary: 'シートを保存（版が古ければ 409 と現在の内容）',
        access: 'その組織の担当者・所属長',
        response: sheetSavedSchema,
      }),
      acceptsBody(bodyLimits.sheet),
      validate('param', sheetParam),
      validate('json', saveSheetSchema),
      async (c) => {
        const { actor, by } = signedIn(c);
        const { id } = c.req.valid('param');
        const { changes } = await saveSheet(c.get('db'), { actor, by, sheetId: id, ...c.req.valid('json') });
        cache.invalidate(id);
        return c.json({
          changes: changes.length,
          sheet: await signedInView(c.get('db'), cache, actor, id),
        } satisfies SheetSaved);
      },
    )
    .post(
      '/:id/transitions',
      doc({
        summary: 'シートを次の段階へ（提出・承認・差戻し・評価の提出/承認/確定・公開・再開）',
        access: '方針表（src/domain/sheet-policy.ts）による',
        response: sheetMovedSchema,
      }),
      validate('param', sheetParam),
      validate('json', transitionSheetSchema),
      async (c) => {
        const { actor, by } = signedIn(c);
        const { id } = c.req.valid('param');
        await transitionSheet(c.get('db'), { actor, by, sheetId: id, ...c.req.valid('json') });
        cache.invalidate(id);
        return c.json({ sheet: await signedInView(c.get('db'), cache, actor, id) } satisfies SheetMoved);
      },
    )
    .post(
      '/:id/revisions',
      doc({
        summary: '目標の修正を申請（理由付き）',
        status: 201,
        access: 'その組織の担当者・所属長（承認済みのシート）',
        response: revisionProposedSchema,
      }),
      validate('param', sheetParam),
      validate('json', proposeRevisionSchema),
      async (c) => {
        const { actor, by } = signedIn(c);
        const { id } = c.req.valid('param');
        const revision = await proposeRevision(c.get('db'), {
          actor,
          by,
          sheetId: id,
          ...c.req.valid('json'),
        });
        cache.invalidate(id);
        const answer: RevisionProposed = {
          revision,
          sheet: await signedInView(c.get('db'), cache, actor, id),
        };
        return c.json(answer, 201);
      },
    )
    .post(
      '/:id/revisions/:revisionId/decision',
      doc({
        summary: '目標の修正の申請を承認・差戻し',
        access: 'その組織の所属長（申請者以外）',
        response: sheetMovedSchema,
      }),
      validate('param', revisionParam),
      validate('json', decideRevisionSchema),
      async (c) => {
        const { actor, by } = signedIn(c);
        const { id, revisionId } = c.req.valid('param');
        await decideRevision(c.get('db'), { actor, by, sheetId: id, revisionId, ...c.req.valid('json') });
        cache.invalidate(id);
        return c.json({ sheet: await signedInView(c.get('db'), cache, actor, id) } satisfies SheetMoved);
      },
    )
    .put(
      '/:id/dates',
      doc({
        summary: 'このシートの作成日・修正日・評価日を個別に設定（評価確定・公開のシートも。履歴に記録）',
        access: '企画担当',
        response: sheetSavedSchema,
      }),
      validate('param', sheetParam),
      validate('json', setSheetDatesSchema),
      async (c) => {
        const { actor, by } = signedIn(c);
        const { id } = c.req.valid('param');
        const { changes } = await setSheetDates(c.get('db'), {
          actor,
          by,
          sheetId: id,
          ...c.req.valid('json'),
        });
        cache.invalidate(id);
        const sheet = await signedInView(c.get('db'), cache, actor, id);
        return c.json({ changes: changes.length, sheet } satisfies SheetSaved);
      },
    )
    .get(
      '/:id/history',
      doc({ summary: 'シートの変更履歴と各段階の記録', response: historySchema }),
      validate('param', sheetParam),
      async (c) => {
        const { id } = c.req.valid('param');
        const { subject } = await loadSheetSubject(c.get('db'), id);
        authorize(c.get('actor'), 'readHistory', subject);
        c.header('cache-control', 'private, no-store');
        const snapshots = await listSnapshots(c.get('db'), id);
        return c.json({
          entries: await listHistory(c.get('db'), id),
          snapshots: snapshots.map((s) => ({ ...s, at: s.at.toISOString() })),
        } satisfies SheetHistory);
      },
    )
    .get(
      '/:id/snapshots/:stage',
      doc({ summary: '作成時・修正時・評価時のシート', response: sheetDetailSchema }),
      validate('param', snapshotParam),
      async (c) => {
        const { id, stage } = c.req.valid('param');
        const { subject } = await loadSheetSubject(c.get('db'), id);
        authorize(c.get('actor'), 'readHistory', subject);
        c.header('cache-control', 'private, no-store');
        return c.json((await getSnapshot(c.get('db'), id, stage)) satisfies SheetDetail);
      },
    );
}

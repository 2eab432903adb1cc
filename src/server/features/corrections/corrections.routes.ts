import { Hono } from 'hono';
import {
  type CorrectionDecided,
  type CorrectionProposed,
  correctionDecidedSchema,
  correctionProposedSchema,
} from '../../../schemas/answers';
import { decideCorrectionSchema, proposeCorrectionSchema } from '../../../schemas/result-correction';
import { z } from '../../../schemas/zod';
import type { AppEnv } from '../../app-env';
import { signedIn } from '../../middleware/signed-in';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import type { SheetCache } from '../sheets/sheet-cache';
import { signedInView } from '../sheets/view-sheet';
import { decideCorrection } from './decide-correction';
import { proposeCorrection } from './propose-correction';

const sheetParam = z.object({ id: z.uuid('シートの ID が正しくありません') });
const correctionParam = z.object({ id: z.uuid('申請の ID が正しくありません') });

/** `POST /sheets/:id/corrections`: propose from the sheet where the result is shown. */
export const proposeCorrectionRoutes = (cache: SheetCache) =>
  new Hono<AppEnv>().post(
    '/:id/corrections',
    doc({
      summary: '過年度実績の訂正を申請（理由付き）',
      status: 201,
      access: 'その組織の担当者・所属長（評価確定・公開済みの年度の実績）',
      response: correctionProposedSchema,
    }),
    validate('param', sheetParam),
    validate('json', proposeCorrectionSchema),
    async (c) => {
      const { actor, by } = signedIn(c);
      const { id } = c.req.valid('param');
      const correction = await proposeCorrection(c.get('db'), {
        actor,
        by,
        sheetId: id,
        ...c.req.valid('json'),
      });
      cache.invalidate(id);
      const answer: CorrectionProposed = {
        correction,
        sheet: await signedInView(c.get('db'), cache, actor, id),
      };
      return c.json(answer, 201);
    },
  );

/** `POST /corrections/:id/decision`: approve or return; `?sheet=` names the sheet to answer with. */
export const correctionsRoutes = (cache: SheetCache) =>
  new Hono<AppEnv>().post(
    '/:id/decision',
    doc({
      summary: '過年度実績の訂正を承認・差戻し',
      access: 'その組織の所属長（申請者以外）・部区の企画担当',
      response: correctionDecidedSchema,
    }),
    validate('param', correctionParam),
    validate('query', z.object({ sheet: z.uuid('シートの ID が正しくありません').optional() })),
    validate('json', decideCorrectionSchema),
    async (c) => {
      const { actor, by } = signedIn(c);
      const { id } = c.req.valid('param');
      const { sheetIds } = await decideCorrection(c.get('db'), {
        actor,
        by,
        correctionId: id,
        ...c.req.valid('json'),
      });
      for (const sheetId of sheetIds) cache.invalidate(sheetId);
      const { sheet } = c.req.valid('query');
      const answer: CorrectionDecided = {
        sheet: sheet ? await signedInView(c.get('db'), cache, actor, sheet) : null,
      };
      return c.json(answer);
    },
  );

import { Hono } from 'hono';
import {
  nominalDatesSchema,
  setWardYearDatesSchema,
  wardYearDatesAnswerSchema,
} from '../../../schemas/sheet-dates';
import type { AppEnv } from '../../app-env';
import { signedIn } from '../../middleware/signed-in';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import { readNominalDates } from './read-nominal-dates';
import { setNominalDates } from './set-nominal-dates';
import { setWardYearDates } from './set-ward-year-dates';

/** The municipality's nominal 作成日・修正日・評価日 (month and day). */
export const nominalDatesRoutes = () =>
  new Hono<AppEnv>()
    .get(
      '/',
      doc({
        summary: '作成日・修正日・評価日の既定の月日（自治体）',
        response: nominalDatesSchema,
        access: '職員',
      }),
      async (c) => {
        const { actor } = signedIn(c);
        return c.json(await readNominalDates(c.get('db'), actor));
      },
    )
    .put(
      '/',
      doc({
        summary: '作成日・修正日・評価日の既定の月日を変更',
        response: nominalDatesSchema,
        access: '管理者',
      }),
      validate('json', nominalDatesSchema),
      async (c) => {
        const { actor } = signedIn(c);
        return c.json(await setNominalDates(c.get('db'), actor, c.req.valid('json')));
      },
    );

/** A 部区's year's 作成日・修正日・評価日. */
export const wardYearDatesRoutes = () =>
  new Hono<AppEnv>().put(
    '/',
    doc({
      summary: '部区・年度の作成日・修正日・評価日を設定（該当するシートにも反映し、履歴に記録）',
      response: wardYearDatesAnswerSchema,
      access: '企画担当',
    }),
    validate('json', setWardYearDatesSchema),
    async (c) => {
      const { actor, by } = signedIn(c);
      return c.json(await setWardYearDates(c.get('db'), { actor, by, ...c.req.valid('json') }));
    },
  );

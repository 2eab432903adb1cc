import type { Db } from '../../../db/client';
import { notifyWardChanged } from '../../../db/notify';
import { wardYears } from '../../../db/schema';
import type { Deadlines } from '../../../domain/deadlines';
import type { Actor } from '../../../domain/roles';
import type { SetDeadlines } from '../../../schemas/ward-year';
import { AppError } from '../../app-error';
import { findWard } from '../organizations/find-ward';
import { authorizeWard } from '../organizations/ward-access';

/** 企画担当 sets the 作成, 修正 and 評価 deadlines of a 部区's year. */
export async function setDeadlines(db: Db, options: SetDeadlines & { actor: Actor }): Promise<Deadlines> {
  const ward = await findWard(db, options);
  authorizeWard(options.actor, 'setDeadlines', ward);
  const { plan, revision, evaluation } = options.deadlines;
  const order: [keyof Deadlines, string | null][] = [
    ['plan', plan],
    ['revision', revision],
    ['evaluation', evaluation],
  ];
  const set = order.filter((o): o is [keyof Deadlines, string] => o[1] !== null);
  for (let i = 1; i < set.length; i++) {
    const [field, date] = set[i] ?? ['plan', ''];
    if (date < (set[i - 1]?.[1] ?? '')) {
      throw new AppError('invalid', '期限は 作成 → 修正 → 評価 の順になるように設定してください。', [
        { path: `deadlines.${field}`, message: '前の期限より前の日付です' },
      ]);
    }
  }
  const values = { planDeadline: plan, revisionDeadline: revision, evaluationDeadline: evaluation };
  await db
    .insert(wardYears)
    .values({ wardId: ward.id, fiscalYear: options.fiscalYear, ...values })
    .onConflictDoUpdate({ target: [wardYears.wardId, wardYears.fiscalYear], set: values });
  await notifyWardChanged(db, [ward.id]);
  return options.deadlines;
}

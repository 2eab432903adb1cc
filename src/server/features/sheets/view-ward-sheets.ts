import type { Db } from '../../../db/client';
import { type EncodedAnswer, encodeAnswer } from '../../answer-cache';
import { todayInJapan } from '../../clock';
import { type ListWardSheetsOptions, loadWardYearContent, presentWardSheets } from './list-ward-sheets';
import { type SheetCache, sheetDependency, wardDependency } from './sheet-cache';

let day = { until: 0, today: '' };
/** Today in Japan, formatted at most once a second (Intl formatting costs more than a cached answer). */
function today(): string {
  const now = Date.now();
  if (now >= day.until) day = { until: now + 1_000, today: todayInJapan(new Date(now)) };
  return day.today;
}

type WardYearOf = Omit<ListWardSheetsOptions, 'actor'>;

const publicKey = (query: WardYearOf, date: string) =>
  JSON.stringify([query.municipality ?? null, query.ward, query.fiscalYear, date]);

/** The public's year list of a 部区 if it is in memory now (for `answerFromMemory`). */
export const publicWardSheetsInMemory = (cache: SheetCache, query: WardYearOf) =>
  cache.wardYears.get(publicKey(query, today()));

/**
 * A 部区's year list as this actor sees it. The public gets cached bytes, keyed by the query and
 * the day in Japan (which sheets are overdue depends on it) and dropped when the 部区 or any of
 * its sheets of the year changes. Signed-in users may see more (unpublished sheets, by role and
 * organization): theirs is read fresh, never shared.
 */
export async function viewWardSheets(
  db: Db,
  cache: SheetCache,
  options: ListWardSheetsOptions,
): Promise<{ shared: true; answer: EncodedAnswer } | { shared: false; body: string }> {
  if (options.actor) {
    const list = presentWardSheets(await loadWardYearContent(db, options), options.actor, todayInJapan());
    return { shared: false, body: JSON.stringify(list) };
  }
  const query = { ward: options.ward, municipality: options.municipality, fiscalYear: options.fiscalYear };
  const date = today();
  const key = publicKey(query, date);
  const answer = await cache.wardYears.getOrLoad(key, async () => {
    const content = await loadWardYearContent(db, query);
    return {
      value: encodeAnswer(presentWardSheets(content, null, date)),
      dependencies: [wardDependency(content.ward.id), ...content.rows.map((row) => sheetDependency(row.id))],
    };
  });
  return { shared: true, answer };
}

/**
 * A synthetic city (or many): municipalities with their 部/区 and 課, three fiscal years of
 * sheets with goals aligned to the 部区's own sheet, indicators placed on them, and each
 * indicator's targets and results (six years of results, so every sheet has its three previous
 * years). Written straight into the database with multi-row INSERTs in one transaction per
 * municipality — through drizzle, so the same code fills PGlite and PostgreSQL.
 *
 * Sizes: `municipalities` × (`wardsPerMunicipality` × (1 + `unitsPerWard`)) organizations, each
 * with one sheet a year. The issue's large size (663 municipalities, ~100,000 sheets, ~2.4 M
 * indicator-year values) is `largeCity`; `benchCity` loads in a few seconds.
 */
import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../../src/db/client';
import {
  goals,
  indicators,
  indicatorValues,
  municipalities,
  organizations,
  placements,
  sheets,
} from '../../src/db/schema';
import sample from '../../src/db/seed/niigata-kita-2022.json';
import type { SheetStatus } from '../../src/domain/sheet-status';

export interface CitySize {
  municipalities: number;
  wardsPerMunicipality: number;
  unitsPerWard: number;
  /** The fiscal years with sheets, oldest first. */
  fiscalYears: number[];
  /** Indicators each organization owns (placed on its sheet every year). */
  indicatorsPerOrganization: number;
  /** Goals per sheet; the indicators are spread over them. */
  goalsPerSheet: number;
  /**
   * Write the sample's own texts (北区 令和4年度: goals, 主な取組, notes, 目標達成状況, the
   * narratives), round and round, instead of short generated ones: what 検索 has to read.
   */
  sampleTexts?: boolean;
}

export const largeCity: CitySize = {
  municipalities: 663,
  wardsPerMunicipality: 8,
  unitsPerWard: 5,
  fiscalYears: [2022, 2023, 2024],
  indicatorsPerOrganization: 8,
  goalsPerSheet: 3,
};

export const benchCity: CitySize = { ...largeCity, municipalities: 3 };

export interface CityCounts {
  municipalities: number;
  organizations: number;
  sheets: number;
  indicatorValues: number;
}

function countsOf(size: CitySize): CityCounts {
  const organizationsPer = size.wardsPerMunicipality * (1 + size.unitsPerWard);
  const organizations_ = size.municipalities * organizationsPer;
  const valuesPerIndicator = size.fiscalYears.length + (size.fiscalYears.length + 3);
  return {
    municipalities: size.municipalities,
    organizations: organizations_,
    sheets: organizations_ * size.fiscalYears.length,
    indicatorValues: organizations_ * size.indicatorsPerOrganization * valuesPerIndicator,
  };
}

const wardNames = [
  '総務部',
  '企画部',
  '財務部',
  '市民生活部',
  '健康福祉部',
  'こども未来部',
  '環境部',
  '経済部',
];
const unitNames = ['総務課', '企画課', '管理課', '事業課', '推進課', '調整課', '支援課', '指導課'];
const indicatorNames = [
  '相談件数',
  '参加者数',
  '満足度',
  '処理日数',
  '実施回数',
  '登録者数',
  '利用率',
  '達成率',
];
const evaluationCycle = ['達成', '一部未達成', '未達成', '達成'] as const;

/** The sample's texts, each kind in a pool of its own, taken in turn by a running number. */
type SampleGoal = {
  text: string;
  initiatives: string[];
  indicators: { name: string; note: string | null; achievement: string | null }[];
};
type SampleSheet = {
  purpose: string | null;
  approach: string | null;
  outcome: string | null;
  goals: SampleGoal[];
};

const sampleTexts = (() => {
  const sheetsOf = sample.sheets as unknown as SampleSheet[];
  const goalsOf = sheetsOf.flatMap((sheet) => sheet.goals);
  const indicatorsOf = goalsOf.flatMap((goal) => goal.indicators);
  const texts = (values: (string | null | undefined)[]) => values.filter((v): v is string => !!v);
  return {
    purpose: texts(sheetsOf.map((sheet) => sheet.purpose)),
    approach: texts(sheetsOf.map((sheet) => sheet.approach)),
    outcome: texts(sheetsOf.map((sheet) => sheet.outcome)),
    goal: texts(goalsOf.map((goal) => goal.text)),
    initiatives: goalsOf.map((goal) => goal.initiatives),
    indicator: texts(indicatorsOf.map((indicator) => indicator.name)),
    note: texts(indicatorsOf.map((indicator) => indicator.note)),
    achievement: texts(indicatorsOf.map((indicator) => indicator.achievement)),
  };
})();
const pick = <T>(pool: T[], n: number): T => pool[n % pool.length] as T;

/** Past years are published; the newest year is spread over the workflow (as in May). */
function statusOf(fiscalYear: number, newest: number, index: number): SheetStatus {
  if (fiscalYear < newest) return 'published';
  return (['draft', 'submitted', 'approved', 'approved', 'published'] as const)[index % 5] ?? 'draft';
}

/** Insert `rows` in chunks small enough for PostgreSQL's 65,535 parameters. */
async function insertChunks<T>(rows: T[], columns: number, insert: (chunk: T[]) => Promise<unknown>) {
  const size = Math.max(1, Math.floor(60_000 / columns));
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** The municipality's name: numbered so names stay unique at any size. */
export const municipalityName = (index: number) => `合成市${String(index + 1).padStart(4, '0')}`;
export const wardName = (index: number) =>
  `${wardNames[index % wardNames.length]}${index >= wardNames.length ? index + 1 : ''}`;

async function loadMunicipality(tx: Tx, size: CitySize, index: number): Promise<void> {
  const municipalityId = randomUUID();
  await tx.insert(municipalities).values({ id: municipalityId, name: municipalityName(index) });
  const orgRows: (typeof organizations.$inferInsert)[] = [];
  const sheetRows: (typeof sheets.$inferInsert)[] = [];
  const goalRows: (typeof goals.$inferInsert)[] = [];
  const indicatorRows: (typeof indicators.$inferInsert)[] = [];
  const placementRows: (typeof placements.$inferInsert)[] = [];
  const valueRows: (typeof indicatorValues.$inferInsert)[] = [];
  const newest = size.fiscalYears.at(-1) ?? 0;
  const oldest = size.fiscalYears[0] ?? 0;
  let serial = 0;
  for (let w = 0; w < size.wardsPerMunicipality; w++) {
    const wardId = randomUUID();
    const ward = wardName(w);
    orgRows.push({ id: wardId, municipalityId, wardId, kind: 'ward', name: ward, phone: '000-000-0000' });
    const units = Array.from({ length: size.unitsPerWard }, (_, u) => ({
      id: randomUUID(),
      name: `${ward.replace(/部\d*$/, '')}${unitNames[u % unitNames.length]}${u >= unitNames.length ? u + 1 : ''}`,
    }));
    for (const unit of units) {
      orgRows.push({ ...unit, municipalityId, wardId, parentId: wardId, kind: 'unit', phone: null });
    }
    const members = [{ id: wardId, name: null as string | null }, ...units];
    for (const [position, member] of members.entries()) {
      const owned = Array.from({ length: size.indicatorsPerOrganization }, (_, i) => {
        const id = randomUUID();
        const name = size.sampleTexts
          ? pick(sampleTexts.indicator, serial * 7 + i)
          : `${indicatorNames[i % indicatorNames.length]}${i >= indicatorNames.length ? i + 1 : ''}`;
        indicatorRows.push({ id, organizationId: member.id, name, unit: i % 3 === 2 ? '%' : '件' });
        for (let year = oldest - 3; year <= newest; year++) {
          const value = 100 + ((serial + i * 7 + year) % 50);
          valueRows.push({ indicatorId: id, fiscalYear: year, kind: 'result', text: String(value), value });
          if (year >= oldest) {
            valueRows.push({ indicatorId: id, fiscalYear: year, kind: 'target', text: '120', value: 120 });
          }
        }
        return id;
      });
      for (const fiscalYear of size.fiscalYears) {
        const sheetId = randomUUID();
        serial++;
        sheetRows.push({
          id: sheetId,
          organizationId: member.id,
          wardId,
          fiscalYear,
          position,
          departmentName: ward,
          organizationName: member.name,
          phone: '000-000-0000',
          purpose: size.sampleTexts
            ? pick(sampleTexts.purpose, serial)
            : `${member.name ?? ward}の${fiscalYear}年度の使命。市民サービスの向上に取り組む。`,
          approach: size.sampleTexts ? pick(sampleTexts.approach, serial + 1) : '事業の見直しと連携の強化',
          outcome: size.sampleTexts ? pick(sampleTexts.outcome, serial + 2) : '市民の満足度の向上',
          status: statusOf(fiscalYear, newest, serial),
        });
        const goalIds = Array.from({ length: size.goalsPerSheet }, (_, g) => {
          const id = randomUUID();
          goalRows.push({
            id,
            sheetId,
            no: g + 1,
            parentNo: member.name === null ? null : g + 1,
            text: size.sampleTexts
              ? pick(sampleTexts.goal, serial * 3 + g)
              : `目標${g + 1}：${member.name ?? ward}の重点施策を着実に進める`,
            initiatives: size.sampleTexts
              ? pick(sampleTexts.initiatives, serial * 3 + g)
              : [`取組${g + 1}-1`, `取組${g + 1}-2`],
          });
          return id;
        });
        owned.forEach((indicatorId, i) => {
          const past = fiscalYear < newest;
          placementRows.push({
            goalId: goalIds[i % goalIds.length] ?? '',
            indicatorId,
            position: Math.floor(i / goalIds.length),
            note: size.sampleTexts ? pick(sampleTexts.note, serial * 5 + i) : null,
            achievement: past
              ? size.sampleTexts
                ? pick(sampleTexts.achievement, serial * 5 + i)
                : '概ね計画どおり'
              : null,
            evaluation: past ? evaluationCycle[(serial + i) % evaluationCycle.length] : null,
          });
        });
      }
    }
  }
  await insertChunks(orgRows, 7, (chunk) => tx.insert(organizations).values(chunk));
  await insertChunks(indicatorRows, 5, (chunk) => tx.insert(indicators).values(chunk));
  await insertChunks(valueRows, 6, (chunk) => tx.insert(indicatorValues).values(chunk));
  await insertChunks(sheetRows, 16, (chunk) => tx.insert(sheets).values(chunk));
  await insertChunks(goalRows, 6, (chunk) => tx.insert(goals).values(chunk));
  await insertChunks(placementRows, 9, (chunk) => tx.insert(placements).values(chunk));
}

/**
 * Load a synthetic city of `size` into `db` (one transaction per municipality; `onProgress`
 * is called after each). Municipality names start at `合成市0001`: load into an empty database.
 * `concurrency` municipalities go in at once (on PostgreSQL, over as many connections: one
 * builds its rows while another's are written).
 */
export async function loadSyntheticCity(
  db: Db,
  size: CitySize,
  onProgress?: (done: number, total: number) => void,
  concurrency = 1,
): Promise<CityCounts> {
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let m = next++; m < size.municipalities; m = next++) {
      await db.transaction((tx) => loadMunicipality(tx, size, m));
      onProgress?.(++done, size.municipalities);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return countsOf(size);
}

import type { Browser } from 'playwright-core';
import sample from '../src/db/seed/niigata-kita-2022.json';
import type { WardYearFile } from '../src/schemas/interchange';
import { openPage } from './browser';
import { apiSignIn, importThroughApi } from './session';

/** As admin, through the API: import a ward-year file (only the sheets it holds are written). */
export async function importAsAdmin(browser: Browser, baseUrl: string, file: WardYearFile): Promise<void> {
  const { page } = await openPage(browser);
  try {
    const headers = await apiSignIn(page, baseUrl, 'admin');
    await importThroughApi(page, baseUrl, headers, file);
  } finally {
    await page.context().close();
  }
}

/** The sample's 地域総務課 令和4年度 again, 承認済み, so that its results and evaluations can be edited. */
export function approvedSomuSheet(): WardYearFile {
  const file = structuredClone(sample) as WardYearFile;
  const [somu] = file.sheets;
  if (somu?.department !== '地域総務課') throw new Error('the sample changed: 地域総務課 is not first');
  file.sheets = [{ ...somu, status: 'approved' }];
  return file;
}

export const wardGoalTexts = [
  '区民と共に、安心・安全に暮らせるまちをつくります。',
  '地域の魅力を生かし、にぎわいのあるまちをつくります。',
  '誰もが健康で、いきいきと暮らせるまちをつくります。',
  '区民に信頼される、効率的な区役所をつくります。',
];

/** 北区's own sheet of 令和4年度 (goals 1–4), the goals the sections align to (部区). */
export function wardOwnSheet(): WardYearFile {
  const file = structuredClone(sample) as WardYearFile;
  file.sheets = [
    {
      department: '北区',
      organization: null,
      phone: null,
      createdOn: '2022-04-01',
      revisedOn: null,
      evaluatedOn: null,
      purpose: '区民と共に、誰もが安心して暮らせる北区をつくります。',
      approach: null,
      outcome: null,
      status: 'published',
      goals: wardGoalTexts.map((text, index) => ({
        no: index + 1,
        parentNo: null,
        text,
        initiatives: [],
        indicators: [],
      })),
    },
  ];
  return file;
}

import type { Locator, Page } from 'playwright-core';
import { openWorkbook, rowOf, saveWorkbook, worksheet } from '../src/imports/xlsx/testing';

/** Clicks a link that downloads, and returns the file Chromium saved, with its suggested name. */
export async function downloadBy(link: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([link.page().waitForEvent('download'), link.click()]);
  // The run's Chromium is connected to, not launched: the file comes over the connection.
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(Buffer.from(chunk));
  return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

export const bom = Buffer.from([0xef, 0xbb, 0xbf]);

/** The texts a live region or attribute went through, recorded in the page from now on. */
export async function recordTexts(
  page: Page,
  selector: string,
  attribute?: string,
): Promise<() => Promise<string[]>> {
  const key = `__seen_${Math.random().toString(36).slice(2)}`;
  await page.evaluate(
    ({ key, selector, attribute }) => {
      const seen: string[] = [];
      (window as unknown as Record<string, string[]>)[key] = seen;
      const read = () => {
        for (const element of document.querySelectorAll(selector)) {
          const text = attribute ? element.getAttribute(attribute) : element.textContent;
          if (text && seen.at(-1) !== text) seen.push(text);
        }
      };
      new MutationObserver(read).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
    },
    { key, selector, attribute },
  );
  return () => page.evaluate((key) => (window as unknown as Record<string, string[]>)[key] ?? [], key);
}

/** The 令和4年度 workbook with 建設課's 研修発表実施数 result set to 7回 (as edited in Excel). */
export async function editedWorkbook(bytes: Buffer): Promise<Buffer> {
  const workbook = await openWorkbook(bytes);
  const sheet = worksheet(workbook, '建設課');
  sheet.getCell(rowOf(sheet, 5, '研修発表実施数'), 11).value = '7回';
  return saveWorkbook(workbook);
}

/** The workbook with an evaluation the rule does not know (ほぼ達成) in 健康福祉課's sheet. */
export async function brokenWorkbook(bytes: Buffer): Promise<Buffer> {
  const workbook = await openWorkbook(bytes);
  const sheet = worksheet(workbook, '健康福祉課');
  sheet.getCell(rowOf(sheet, 5, '生活習慣病予防講座開催数'), 14).value = 'ほぼ達成';
  return saveWorkbook(workbook);
}

/** No horizontal scroll of the page itself (tables may scroll inside their own region). */
export function pageScrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

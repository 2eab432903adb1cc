import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { wardYearSheetsSchema } from '../src/schemas/sheet';
import { axeViolations } from './axe';

/** axe-core (WCAG 2.1 A/AA) must find nothing; on failure the violations are printed in full. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `axe-core WCAG 2.1 AA violations on ${label}:\n${violations.join('\n')}`).toEqual([]);
}

/** The id of a sheet of the sample (新潟市 北区 令和4年度), found through the public API. */
export async function sampleSheetId(baseUrl: string, title: string): Promise<string> {
  const params = new URLSearchParams({ fiscalYear: '2022', ward: '北区', municipality: '新潟市' });
  const response = await fetch(`${baseUrl}/api/v1/sheets?${params}`);
  const data = wardYearSheetsSchema.parse(await response.json());
  const sheet = data.sheets.find((s) => s.title === title);
  if (!sheet) throw new Error(`no sheet titled ${title} in the sample`);
  return sheet.id;
}

/** Waits until the page's web fonts have loaded (before a screenshot or a PDF). */
export async function fontsReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
}

/** The text of the <dd> next to the header field labelled `label` (作成日, 年度, …). */
export async function headerField(page: Page, label: string): Promise<string> {
  return (
    (await page
      .locator('.sheet-fields dt', { hasText: new RegExp(`^${label}$`) })
      .locator('+ dd')
      .textContent()) ?? ''
  );
}

/**
 * Saves a screenshot when E2E_SCREENSHOTS names a directory (to look at the pages while
 * developing); does nothing otherwise.
 */
export async function snap(page: Page, name: string, fullPage = false): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  await fontsReady(page);
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage });
}

/** Like `snap`, of one part of the page (scrolled into view first). */
export async function snapPart(part: Locator, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  await fontsReady(part.page());
  await part.scrollIntoViewIfNeeded();
  await part.screenshot({ path: `${dir}/${name}.png` });
}

/**
 * Waits until the app has drawn the page. A published sheet's page arrives already drawn by the
 * server (its text readable at once) and the app then draws it again in its place: a test that
 * goes on to use the page's controls waits for the app's own.
 */
export async function appDrawn(page: Page): Promise<void> {
  await page.locator('main#main:not([data-drawn-by-server])').waitFor();
}

import sample from '../../src/db/seed/niigata-kita-2022.json';
import type { WardYearFile } from '../../src/schemas/interchange';
import { cookieClient, signedInClient, type TestClient } from '../../src/server/testing/test-app';

/**
 * A ward of any size for the PDF bench: the sample's 8 sheets (北区 令和4年度) copied round and
 * round under distinct organization names, as one interchange file for a ward of its own, and
 * imported through the app's import API as a 管理者 would (preview, then confirm). Small on
 * purpose: bench/lib/synthetic-city.ts makes whole cities.
 */
function syntheticWardFile(sheetCount: number, ward = '合成区'): WardYearFile {
  const file = structuredClone(sample) as unknown as WardYearFile;
  const originals = file.sheets;
  file.ward = ward;
  file.sheets = Array.from({ length: sheetCount }, (_, index) => {
    const copy = structuredClone(originals[index % originals.length]);
    if (!copy) throw new Error('the sample has no sheets');
    const round = Math.floor(index / originals.length) + 1;
    // 部 and organization together name a sheet: every copy gets an organization of its own.
    copy.organization = `${copy.organization ?? copy.department} 第${round}係`;
    return copy;
  });
  return file;
}

/** A client of the server at `base` signed in as the demo 管理者 (`admin`). */
export function signedInAdmin(base: string): Promise<TestClient> {
  return signedInClient(
    cookieClient((path, init) => fetch(`${base}${path}`, init)),
    'admin',
  );
}

/** Imports a `sheetCount`-sheet synthetic ward into the server at `base`; returns the ward's name. */
export async function importSyntheticWard(
  base: string,
  sheetCount: number,
  ward = '合成区',
): Promise<string> {
  const admin = await signedInAdmin(base);
  const file = syntheticWardFile(sheetCount, ward);
  const preview = await admin.send('POST', '/api/v1/import/preview', file);
  if (preview.status !== 200) throw new Error(`import preview → ${preview.status}: ${await preview.text()}`);
  const { previewToken } = (await preview.json()) as { previewToken: string };
  const confirm = await admin.send('POST', `/api/v1/import?${new URLSearchParams({ previewToken })}`, file);
  if (confirm.status !== 200)
    throw new Error(`import → ${confirm.status}: ${(await confirm.text()).slice(0, 500)}`);
  return ward;
}

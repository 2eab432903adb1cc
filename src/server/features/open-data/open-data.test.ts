import ExcelJS from 'exceljs';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultLicence, licenceLine } from '../../../domain/licence';
import { csvColumns } from '../../../exports/csv';
import { mediaTypeOf } from '../../../exports/dcat';
import { pdfInfo, pdfText } from '../../../exports/pdf/poppler';
import { wardYearSheetsSchema } from '../../../schemas/sheet';
import { sheetViewSchema } from '../../../schemas/sheet-edit';
import { createTestApp, type TestApp } from '../../testing/test-app';

/**
 * The open data as a catalogue takes it: the DCAT descriptions read as JSON-LD without any
 * request outside (every distribution answering with the media type it declares), the CSV's
 * CSVW metadata, and the licence stated by every page's answer, file and description.
 */

const dcat = 'http://www.w3.org/ns/dcat#';
const dct = 'http://purl.org/dc/terms/';
const ward = encodeURIComponent('北区');
const kita = (year: number) => `fiscalYear=${year}&ward=${ward}`;

type Expanded = Record<string, unknown[]>;

/** JSON-LD expansion whose document loader refuses every URL: the app runs in closed networks. */
async function expand(document: unknown): Promise<Expanded[]> {
  const asked: string[] = [];
  const expanded = await jsonld.expand(document as jsonld.JsonLdDocument, {
    documentLoader: async (url: string) => {
      asked.push(url);
      throw new Error(`no network in a closed network: ${url}`);
    },
  });
  expect(asked).toEqual([]);
  return expanded as Expanded[];
}

const ids = (node: Expanded, property: string) =>
  (node[property] ?? []).map((value) => (value as { '@id': string })['@id']);
const values = (node: Expanded, property: string) =>
  (node[property] ?? []).map((value) => (value as { '@value': string })['@value']);
const typed = (node: Expanded, type: string) => ((node['@type'] ?? []) as string[]).includes(type);

/** A URL of the description, asked of the test app (its base is http://localhost). */
const pathOf = (url: string) => {
  const { pathname, search } = new URL(url);
  return `${pathname}${search}`;
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('the DCAT description of a 部区 year', () => {
  it('expands as JSON-LD offline into a dataset with a CSV, JSON, Excel and PDF distribution, each answering as declared', async () => {
    const res = await t.public.get(`/api/v1/downloads/dcat?${kita(2022)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    const document = await res.json();
    expect(typeof document['@context']).toBe('object');
    const [dataset, ...others] = await expand(document);
    expect(others).toEqual([]);
    if (!dataset) throw new Error('no node');
    expect(typed(dataset, `${dcat}Dataset`)).toBe(true);
    expect(values(dataset, `${dct}title`)).toEqual(['新潟市北区 令和4年度 組織目標管理シート']);
    expect(ids(dataset, `${dct}license`)).toEqual([defaultLicence.url]);
    const [publisher] = (dataset[`${dct}publisher`] ?? []) as Expanded[];
    expect(values(publisher ?? {}, 'http://xmlns.com/foaf/0.1/name')).toEqual(['新潟市']);
    const [period] = (dataset[`${dct}temporal`] ?? []) as Expanded[];
    expect(values(period ?? {}, `${dcat}startDate`)).toEqual(['2022-04-01']);
    expect(values(period ?? {}, `${dcat}endDate`)).toEqual(['2023-03-31']);
    expect(values(dataset, `${dcat}keyword`)).toContain('組織目標');
    expect(values(dataset, `${dct}issued`)).toHaveLength(1);
    expect(values(dataset, `${dct}modified`)).toHaveLength(1);

    const distributions = (dataset[`${dcat}distribution`] ?? []) as Expanded[];
    const formats = distributions.map((d) => values(d, `${dct}format`)[0]);
    expect(formats.sort()).toEqual(['CSV', 'JSON', 'PDF', 'XLSX']);
    for (const distribution of distributions) {
      expect(typed(distribution, `${dcat}Distribution`)).toBe(true);
      expect(ids(distribution, `${dct}license`)).toEqual([defaultLicence.url]);
      const [url] = ids(distribution, `${dcat}downloadURL`);
      const [type] = ids(distribution, `${dcat}mediaType`);
      if (!url || !type) throw new Error('a distribution without its URL or media type');
      expect(ids(distribution, `${dcat}accessURL`)).toEqual([url]);
      expect(url).toMatch(/^http:\/\/localhost\/api\//);
      // Stable addresses: the municipality is named, so another city's 北区 never answers.
      expect(new URL(url).searchParams.get('municipality')).toBe('新潟市');
      const file = await t.public.get(pathOf(url));
      expect(file.status, url).toBe(200);
      expect(file.headers.get('content-type')?.split(';')[0]).toBe(mediaTypeOf(type));
      expect(file.headers.get('link'), url).toContain(`<${defaultLicence.url}>; rel="license"`);
    }
  }, 60_000);

  it('describes published sheets only: a year of drafts has none, and the catalog leaves it out', async () => {
    const planner = await t.as('kita-kikaku');
    expect((await planner.send('POST', '/api/v1/rollover', { ward: '北区', fromYear: 2022 })).status).toBe(
      201,
    );
    const refused = await t.public.get(`/api/v1/downloads/dcat?${kita(2023)}`);
    expect(refused.status).toBe(404);
    expect((await refused.json()).error.message).toBe('北区の令和5年度の公開されたシートはありません。');
    // Whoever asks: the description is of what the public downloads.
    expect((await (await t.as('admin')).get(`/api/v1/downloads/dcat?${kita(2023)}`)).status).toBe(404);

    const res = await t.public.get('/api/v1/downloads/catalog');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    const [catalog] = await expand(await res.json());
    if (!catalog) throw new Error('no catalog');
    expect(typed(catalog, `${dcat}Catalog`)).toBe(true);
    const datasets = (catalog[`${dcat}dataset`] ?? []) as Expanded[];
    expect(datasets.map((d) => values(d, `${dct}title`)[0])).toEqual([
      '新潟市北区 令和4年度 組織目標管理シート',
    ]);
    expect(datasets.every((d) => ((d[`${dcat}distribution`] ?? []) as unknown[]).length === 4)).toBe(true);
    expect(ids(catalog, `${dct}license`)).toEqual([defaultLicence.url]);
    const other = await t.public.get(
      `/api/v1/downloads/catalog?municipality=${encodeURIComponent('長岡市')}`,
    );
    expect(((await other.json())['dcat:dataset'] as unknown[]).length).toBe(0);
  }, 60_000);
});

describe('the CSV and its CSVW metadata', () => {
  it('points from the CSV to its metadata, which names the licence and every column', async () => {
    const csv = await t.public.get(`/api/v1/downloads/csv?${kita(2022)}`);
    expect(csv.status).toBe(200);
    const link = csv.headers.get('link') ?? '';
    expect(link).toContain(`<${defaultLicence.url}>; rel="license"`);
    const described = /<([^>]+)>; rel="describedby"; type="application\/csvm\+json"/.exec(link)?.[1];
    if (!described) throw new Error(`no describedby in ${link}`);
    const res = await t.public.get(described);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/csvm+json; charset=utf-8');
    const metadata = await res.json();
    expect(metadata['@context'][0]).toBe('http://www.w3.org/ns/csvw');
    expect(metadata['dc:license']).toEqual({ '@id': defaultLicence.url });
    expect(metadata['dc:title']).toBe('新潟市北区 令和4年度 組織目標管理シート 指標');
    expect(pathOf(metadata.url)).toBe(`/api/v1/downloads/csv?${new URL(metadata.url).searchParams}`);
    expect((await t.public.get(pathOf(metadata.url))).status).toBe(200);
    const columns = metadata.tableSchema.columns as { name: string; titles: string; datatype: string }[];
    expect(columns.map((c) => c.titles)).toEqual([...csvColumns]);
    for (const column of columns) expect(column.name).toMatch(/^[a-z][a-z_]*$/);
    expect(columns.find((c) => c.titles === '結果（数値）')?.datatype).toBe('number');
  });
});

describe('the licence setting', () => {
  const custom = {
    name: 'クリエイティブ・コモンズ 表示 4.0 国際',
    url: 'https://creativecommons.org/licenses/by/4.0/deed.ja',
  };

  it('is the default until a 管理者 changes it, and then every answer, file and description states the new one', async () => {
    const admin = await t.as('admin');
    expect(await (await admin.get('/api/v1/licence')).json()).toEqual({ ...defaultLicence, isDefault: true });
    const list = wardYearSheetsSchema.parse(
      await (await t.public.get(`/api/v1/sheets?${kita(2022)}`)).json(),
    );
    expect(list.licence).toEqual(defaultLicence);
    const sheetId = list.sheets[0]?.id ?? '';
    expect(
      sheetViewSchema.parse(await (await t.public.get(`/api/v1/sheets/${sheetId}`)).json()).licence,
    ).toEqual(defaultLicence);

    const res = await admin.send('PUT', '/api/v1/licence', custom);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ...custom, isDefault: false });

    const after = wardYearSheetsSchema.parse(
      await (await t.public.get(`/api/v1/sheets?${kita(2022)}`)).json(),
    );
    expect(after.licence).toEqual(custom);
    const sheet = await t.public.get(`/api/v1/sheets/${sheetId}`);
    expect(sheetViewSchema.parse(await sheet.json()).licence).toEqual(custom);
    expect(
      sheetViewSchema.parse(await (await admin.get(`/api/v1/sheets/${sheetId}`)).json()).licence,
    ).toEqual(custom);
    const pdf = await t.public.get(`/api/v1/downloads/sheets/${sheetId}/pdf`);
    expect(pdf.headers.get('link')).toBe(`<${custom.url}>; rel="license"`);
    // Inside the files too, for a copy saved without its headers: the PDFs' information, the
    // booklet's cover, the workbook's properties.
    expect(pdfInfo(Buffer.from(await pdf.arrayBuffer())).Keywords).toBe(licenceLine(custom));
    const booklet = await t.public.get(`/api/v1/downloads/booklet?${kita(2022)}`);
    const bookletBytes = Buffer.from(await booklet.arrayBuffer());
    expect(pdfInfo(bookletBytes).Keywords).toBe(licenceLine(custom));
    expect(pdfText(bookletBytes, 'raw', { first: 1, last: 1 })).toContain(`ライセンス：${custom.name}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      await (await t.public.get(`/api/v1/downloads/xlsx?${kita(2022)}`)).arrayBuffer(),
    );
    expect(workbook.description).toBe(licenceLine(custom));

    const exported = await t.public.get(`/api/v1/export?${kita(2022)}`);
    expect(exported.headers.get('link')).toBe(`<${custom.url}>; rel="license"`);
    const file = await exported.json();
    expect(file.licence).toEqual(custom);
    // The file with its licence still imports (the licence is read as information only).
    const preview = await admin.send('POST', '/api/v1/import/preview', file);
    expect(preview.status, await preview.clone().text()).toBe(200);
    expect((await preview.json()).warnings ?? []).toEqual([]);

    const metadata = await (await t.public.get(`/api/v1/downloads/csv-metadata?${kita(2022)}`)).json();
    expect(metadata['dc:license']).toEqual({ '@id': custom.url });
    const [dataset] = await expand(await (await t.public.get(`/api/v1/downloads/dcat?${kita(2022)}`)).json());
    expect(ids(dataset ?? {}, `${dct}license`)).toEqual([custom.url]);

    const back = await admin.send('DELETE', '/api/v1/licence');
    expect(await back.json()).toEqual({ ...defaultLicence, isDefault: true });
    const reset = wardYearSheetsSchema.parse(
      await (await t.public.get(`/api/v1/sheets?${kita(2022)}`)).json(),
    );
    expect(reset.licence).toEqual(defaultLicence);
  }, 60_000);

  it('refuses bad input with 400, naming the field in Japanese', async () => {
    const admin = await t.as('admin');
    for (const [body, path, message] of [
      [{ name: '', url: custom.url }, 'name', 'ライセンスの名前を入力してください'],
      [
        { name: custom.name, url: 'ftp://example.jp/licence' },
        'url',
        'ライセンスの URL は https:// または http://',
      ],
      [{ name: custom.name, url: 'javascript:alert(1)' }, 'url', 'ライセンスの URL は'],
      [{ name: custom.name }, 'url', ''],
      [{ ...custom, extra: true }, '', ''],
    ] as const) {
      const res = await admin.send('PUT', '/api/v1/licence', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const { error } = await res.json();
      const issue = (error.issues as { path: string; message: string }[]).find((i) => i.path === path);
      if (path) {
        expect(issue?.message, JSON.stringify(error)).toContain(message);
        expect(issue?.message).toMatch(/[ぁ-んァ-ヶ一-龠]/);
      }
    }
    expect(await (await admin.get('/api/v1/licence')).json()).toMatchObject({ isDefault: true });
  });

  it('writes a URL in one ASCII spelling, fit for an HTTP header', async () => {
    const admin = await t.as('admin');
    const res = await admin.send('PUT', '/api/v1/licence', {
      name: '市の利用規約',
      url: ' https://例え.jp/規約 ',
    });
    expect(res.status).toBe(200);
    const { url } = await res.json();
    expect(url).toBe('https://xn--r8jz45g.jp/%E8%A6%8F%E7%B4%84');
    const csv = await t.public.get(`/api/v1/downloads/csv?${kita(2022)}`);
    expect(csv.headers.get('link')).toContain(`<${url}>; rel="license"`);
    expect((await admin.send('DELETE', '/api/v1/licence')).status).toBe(200);
  });

  it('lets only a 管理者 change it', async () => {
    for (const loginId of ['kita-kikaku', 'viewer', 'somu-staff']) {
      const client = await t.as(loginId);
      expect((await client.get('/api/v1/licence')).status).toBe(200);
      const res = await client.send('PUT', '/api/v1/licence', custom);
      expect(res.status, loginId).toBe(403);
      expect((await res.json()).error.message).toBe('公開するデータのライセンスを変更できるのは管理者です。');
      expect((await client.send('DELETE', '/api/v1/licence')).status).toBe(403);
    }
    // Nobody signed in: refused before the body is read (no session, no CSRF token).
    expect([401, 403]).toContain((await t.public.send('PUT', '/api/v1/licence', custom)).status);
    expect((await t.public.get('/api/v1/licence')).status).toBe(401);
  });
});

describe('the public address', () => {
  it('makes the descriptions’ URLs from MOKUHYO_PUBLIC_URL when it is set', async () => {
    const behindProxy = await createTestApp({ app: { publicUrl: 'https://opendata.city.example.lg.jp/' } });
    try {
      const document = await (await behindProxy.public.get(`/api/v1/downloads/dcat?${kita(2022)}`)).json();
      const [dataset] = await expand(document);
      const urls = ((dataset?.[`${dcat}distribution`] ?? []) as Expanded[]).flatMap((d) =>
        ids(d, `${dcat}downloadURL`),
      );
      expect(urls).toHaveLength(4);
      for (const url of urls) expect(url).toMatch(/^https:\/\/opendata\.city\.example\.lg\.jp\/api\/v1\//);
      expect(document['@id']).toMatch(
        /^https:\/\/opendata\.city\.example\.lg\.jp\/api\/v1\/downloads\/dcat\?/,
      );
    } finally {
      await behindProxy.close();
    }
  });
});

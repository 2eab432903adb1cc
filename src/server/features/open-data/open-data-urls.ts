import type { Context } from 'hono';
import type { WardYearUrls } from '../../../exports/dcat';

/**
 * The address the files are described at: MOKUHYO_PUBLIC_URL when set (behind a proxy the
 * request's own host may be an inside one), else the origin the request came to.
 */
export function publicBase(c: Context, publicUrl: string | undefined): string {
  return (publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '');
}

/** `fiscalYear=2022&ward=北区&municipality=新潟市`, always with the municipality: a stable address. */
export function wardYearSearch(year: { municipality: string; ward: string; fiscalYear: number }): string {
  return new URLSearchParams({
    fiscalYear: String(year.fiscalYear),
    ward: year.ward,
    municipality: year.municipality,
  }).toString();
}

/** Where a 部区's year and each of its files are, as absolute URLs under `base`. */
export function wardYearUrls(
  base: string,
  year: { municipality: string; ward: string; fiscalYear: number },
): WardYearUrls {
  const query = wardYearSearch(year);
  return {
    dataset: `${base}/api/v1/downloads/dcat?${query}`,
    landingPage: `${base}/years/${year.fiscalYear}/wards/${encodeURIComponent(year.ward)}?${new URLSearchParams({ municipality: year.municipality })}`,
    csv: `${base}/api/v1/downloads/csv?${query}`,
    csvMetadata: `${base}/api/v1/downloads/csv-metadata?${query}`,
    json: `${base}/api/v1/export?${query}`,
    jsonSchema: `${base}/api/interchange.schema.json`,
    xlsx: `${base}/api/v1/downloads/xlsx?${query}`,
    pdf: `${base}/api/v1/downloads/booklet?${query}`,
  };
}

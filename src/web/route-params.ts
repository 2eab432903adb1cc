import { notFound } from '@tanstack/react-router';

/** What the router reads of a page's address: the year and names in its path, its query. */

/**
 * A year in the address, with what else the path names as it is: `/years/2022/wards/北区`,
 * `/years/2022/municipalities/新潟市`, `/years/2022/progress`. A malformed year is NaN (not found).
 */
export function yearParams<K extends string>() {
  return {
    parse: (raw: Record<'fiscalYear' | K, string>) =>
      ({
        ...raw,
        fiscalYear: /^\d{4}$/.test(raw.fiscalYear) ? Number(raw.fiscalYear) : Number.NaN,
      }) as Record<K, string> & { fiscalYear: number },
    stringify: (params: Record<K, string> & { fiscalYear: number }) => ({
      ...params,
      fiscalYear: String(params.fiscalYear),
    }),
  };
}

export const wardYearParams = yearParams<'wardName'>();

export function municipalityOf(search: Record<string, unknown>): { municipality?: string } {
  return typeof search.municipality === 'string' && search.municipality !== ''
    ? { municipality: search.municipality }
    : {};
}

/** The ward year a page's address names; a year that is not a number is no page at all. */
export function wardYearOf(
  params: { fiscalYear: number; wardName: string },
  deps: { municipality?: string | undefined },
) {
  if (!Number.isInteger(params.fiscalYear)) throw notFound();
  return { fiscalYear: params.fiscalYear, ward: params.wardName, municipality: deps.municipality };
}

/** The default municipality, which the server names in every page it sends (`<meta name="mokuhyo-municipality">`). */
const defaultMunicipality =
  typeof document === 'undefined'
    ? null
    : (document.querySelector<HTMLMetaElement>('meta[name="mokuhyo-municipality"]')?.content ?? null);

/**
 * Addresses name their municipality in the path — `/長岡市/years/2022/wards/中央区` — and the
 * router reads it as `?municipality=長岡市`, which the pages and the API already take; the
 * default municipality's pages keep the short form, `/years/2022/wards/北区`.
 */
export const municipalityInPath = {
  input: ({ url }: { url: URL }) => {
    const named = /^\/([^/]+)(\/years\/.*)$/.exec(url.pathname);
    if (!named?.[1] || !named[2] || named[1] === 'years') return undefined;
    url.pathname = named[2];
    url.searchParams.set('municipality', decodeURIComponent(named[1]));
    return url;
  },
  output: ({ url }: { url: URL }) => {
    const municipality = url.searchParams.get('municipality');
    if (!municipality || !url.pathname.startsWith('/years/')) return undefined;
    url.searchParams.delete('municipality');
    url.pathname = inMunicipality(url.pathname, municipality, defaultMunicipality);
    return url;
  },
};

/** A `/years/…` address of the municipality: named in the path unless it is the default. */
export function inMunicipality(path: string, municipality: string, defaultName: string | null): string {
  return municipality === defaultName ? path : `/${encodeURIComponent(municipality)}${path}`;
}

/** Only a path inside this app, never another site (`//evil.example`) or the sign-in page itself. */
function safeRedirect(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return undefined;
  if (value.startsWith('/sign-in')) return undefined;
  return value;
}

/** `?redirect=…`: where to go after signing in or changing one's password, when it is safe. */
export function redirectOf(search: Record<string, unknown>): { redirect?: string } {
  const redirect = safeRedirect(search.redirect);
  return redirect ? { redirect } : {};
}

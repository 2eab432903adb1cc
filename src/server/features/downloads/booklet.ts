import type { Db } from '../../../db/client';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import type { Licence } from '../../../domain/licence';
import type { Actor } from '../../../domain/roles';
import type { BookletInput } from '../../../exports/pdf';
import { municipalityLicence } from '../licence/licence-of';
import { loadWardYear } from '../sheets/load-ward-year';

/**
 * The 部区's booklet of a year (冊子): the published sheets it binds and the name of its file. The
 * download route renders it at once and the booklet job in a worker; both start here.
 */
export interface Booklet {
  input: BookletInput;
  /** 「令和4年度_新潟市北区_組織目標管理シート.pdf」 */
  filename: string;
  /** For clients that cannot read the UTF-8 name: 「booklet-2022.pdf」. */
  asciiFilename: string;
  /** The licence it is published under. */
  licence: Licence;
}

function bookletFileName(year: Pick<BookletInput, 'municipality' | 'ward' | 'fiscalYear'>) {
  return {
    filename: `${formatFiscalYear(year.fiscalYear)}_${year.municipality}${year.ward}_組織目標管理シート.pdf`,
    asciiFilename: `booklet-${year.fiscalYear}.pdf`,
  };
}

/** The booklet of what `actor` may read of the year's published sheets. */
export async function loadBooklet(
  db: Db,
  options: { actor: Actor | null; ward: string; municipality?: string | undefined; fiscalYear: number },
): Promise<Booklet> {
  const year = await loadWardYear(db, { ...options, publishedOnly: true });
  const licence = await municipalityLicence(db, year.ward.municipalityId);
  const input: BookletInput = {
    municipality: year.ward.municipalityName,
    ward: year.ward.name,
    fiscalYear: year.fiscalYear,
    sheets: year.sheets,
    licence,
  };
  return { input, ...bookletFileName(input), licence };
}

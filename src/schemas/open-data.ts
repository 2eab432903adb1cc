import { municipalityName } from './text';
import { z } from './zod';

/**
 * `?municipality=`: the DCAT catalog of one municipality's published 部区 years (without it: of
 * every municipality the server holds). The dataset of one year and the CSV's metadata take the
 * 部区's year (`wardYearQuery`); the documents themselves are JSON-LD files made in src/exports.
 */
export const catalogQuery = z.object({ municipality: municipalityName });

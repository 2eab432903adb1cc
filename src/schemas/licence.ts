import { z } from './zod';

/**
 * The licence a municipality publishes under, as answers carry it to the pages (the 部区's year
 * list, the sheet): its name and where its terms are read. Kept small: the public sheet page's
 * first load parses it.
 */
export const licenceSchema = z.object({ name: z.string(), url: z.string() });

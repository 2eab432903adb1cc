import { licenceSchema } from './licence';
import { z } from './zod';

// Apart from `licenceSchema`, which the public sheet page's first load carries: only the settings page reads it.

/** GET, PUT and DELETE /api/v1/licence: the municipality's licence, and whether it is the default (none chosen). */
export const licenceSettingSchema = licenceSchema.extend({ isDefault: z.boolean() });
export type LicenceSetting = z.infer<typeof licenceSettingSchema>;

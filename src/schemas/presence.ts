import { z } from './zod';

/**
 * POST /api/v1/sheets/:id/presence (the editor, every 20 seconds while open) and DELETE (on
 * leaving it): the others who have the sheet's editor open now, by name.
 */
export const presenceSchema = z.object({
  others: z.array(z.object({ name: z.string(), seenAt: z.iso.datetime({ offset: true }) })),
});
export type Presence = z.infer<typeof presenceSchema>;

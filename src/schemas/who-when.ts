import { z } from './zod';

/** Who did something and when (a display name and an ISO timestamp): a history entry, a comment. */
export const whoWhen = z.object({ by: z.string(), at: z.iso.datetime({ offset: true }) });

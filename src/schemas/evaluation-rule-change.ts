import { bandOrder, bands, publishAids } from './evaluation-rule';
import { z } from './zod';

// Apart from the rule's answer schema, which the browser's first load carries: only the server reads a change.
/** PUT /api/v1/evaluation-rule: the bands; `publishAids` left out stays as it is. */
export const evaluationRuleChangeSchema = z
  .strictObject({ ...bands, publishAids: publishAids.optional() })
  .refine(bandOrder.check, bandOrder.message);

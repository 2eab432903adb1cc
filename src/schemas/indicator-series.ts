import { directions } from '../domain/evaluation';
import { z } from './zod';

const point = z.object({ text: z.string().nullable(), value: z.number().nullable() }).nullable();

/** One indicator's years, for its history chart (GET /api/v1/indicators/:id/series). */
export const indicatorSeriesSchema = z.object({
  indicator: z.object({
    id: z.uuid(),
    name: z.string(),
    unit: z.string().nullable(),
    direction: z.enum(directions),
  }),
  points: z.array(z.object({ fiscalYear: z.number().int(), target: point, result: point })),
});
export type IndicatorSeries = z.infer<typeof indicatorSeriesSchema>;

import { evaluationCountsSchema, sheetGoalSchema, sheetIndicatorSchema } from './sheet';
import { municipalityName } from './text';
import { fiscalYearParam } from './ward-year';
import { z } from './zod';

/**
 * The public's overviews of a year: a 部区's (the 評価 mix, each sheet's goals with their
 * indicators' trends, the year before) and a municipality's (every 部区's mix). Both count the
 * indicators' 評価 of the sheets the reader may read, as the ward list does.
 */

/** GET /api/v1/overview/municipality-year: a municipality's year (the reader's own unless named). */
export const municipalityYearOverviewQuery = z.object({
  fiscalYear: fiscalYearParam,
  municipality: municipalityName,
});

/** An indicator as the overview draws its trend: the three years before, the target and result. */
const overviewIndicatorSchema = sheetIndicatorSchema.pick({
  placementId: true,
  name: true,
  unit: true,
  direction: true,
  actuals: true,
  target: true,
  result: true,
  evaluation: true,
});
export type OverviewIndicator = z.infer<typeof overviewIndicatorSchema>;

const overviewGoalSchema = sheetGoalSchema
  .pick({ id: true, no: true, parentNo: true, text: true })
  .extend({ indicators: z.array(overviewIndicatorSchema) });
export type OverviewGoal = z.infer<typeof overviewGoalSchema>;

/** The same 部区 (or municipality) a year earlier: how many sheets, and their mix. */
const previousYearSchema = z.object({
  fiscalYear: z.number().int(),
  sheetCount: z.number().int(),
  evaluations: evaluationCountsSchema,
});

/**
 * What the 部区's year list (`wardYearSheetsSchema`: its sheets and their mix) does not say: each
 * sheet's goals with their indicators, and the year before.
 */
export const wardYearOverviewSchema = z.object({
  fiscalYear: z.number().int(),
  sheets: z.array(z.object({ id: z.uuid(), goals: z.array(overviewGoalSchema) })),
  /** Null when the reader may read no sheet of the year before. */
  previous: previousYearSchema.nullable(),
});
export type WardYearOverview = z.infer<typeof wardYearOverviewSchema>;

export const municipalityYearOverviewSchema = z.object({
  municipality: z.string(),
  fiscalYear: z.number().int(),
  /** The years the reader may read any sheet of, newest first. */
  fiscalYears: z.array(z.number().int()),
  evaluations: evaluationCountsSchema,
  sheetCount: z.number().int(),
  wards: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      sheetCount: z.number().int(),
      evaluations: evaluationCountsSchema,
      previous: previousYearSchema.nullable(),
    }),
  ),
  previous: previousYearSchema.nullable(),
});
export type MunicipalityYearOverview = z.infer<typeof municipalityYearOverviewSchema>;

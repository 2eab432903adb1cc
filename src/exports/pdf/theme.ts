import type { CustomTableLayout, Margins, StyleDictionary } from 'pdfmake/interfaces';
import { fontFamily } from './fonts';

/** The look of every printed sheet: A4 landscape, small dense type, thin grey-ruled grids. */

export const pageMargins: [number, number, number, number] = [28, 26, 28, 30];

/** Grey of header cells, as on the paper sheets. */
export const headerFill = '#e4e4e4';
const ruleColor = '#555555';
export const cellPadding = 2.5;
export const narrativePadding = 4;
export const ruleWidth = 0.5;

/** Type sizes (pt) of the goal table; the fit estimate depends on them. */
export const fontSizes = { table: 7.5, revision: 6.5, narrative: 7.5 } as const;
export const lineHeight = 1.15;
export const narrativeLineHeight = 1.25;

export const defaultStyle = { font: fontFamily, fontSize: fontSizes.table, lineHeight, color: '#111111' };

export const styles: StyleDictionary = {
  title: { fontSize: 15, bold: true, alignment: 'center', characterSpacing: 1 },
  label: { bold: true },
  columnHeader: { bold: true, alignment: 'center' },
  revision: { fontSize: fontSizes.revision, color: '#333333' },
  evaluation: { bold: true, alignment: 'center' },
  narrativeHeading: { bold: true, fontSize: fontSizes.narrative },
  narrative: { fontSize: fontSizes.narrative, lineHeight: narrativeLineHeight },
  footer: { fontSize: 7, color: '#444444' },
  coverTitle: { fontSize: 28, bold: true, alignment: 'center', characterSpacing: 2 },
  coverWard: { fontSize: 20, bold: true, alignment: 'center', characterSpacing: 2 },
  coverDate: { fontSize: 12, alignment: 'center' },
  contentsTitle: { fontSize: 16, bold: true, alignment: 'center', characterSpacing: 4 },
  contents: { fontSize: 10, lineHeight: 1.2 },
};

/** Fills the first `headerRows` rows grey; the rest stay white. */
export function gridLayout(options: { headerRows: number; padding?: number }): CustomTableLayout {
  const padding = options.padding ?? cellPadding;
  return {
    hLineWidth: () => ruleWidth,
    vLineWidth: () => ruleWidth,
    hLineColor: () => ruleColor,
    vLineColor: () => ruleColor,
    paddingLeft: () => padding,
    paddingRight: () => padding,
    paddingTop: () => 2,
    paddingBottom: () => 2,
    fillColor: (rowIndex) => (rowIndex < options.headerRows ? headerFill : null),
  };
}

/** Space between the blocks of a sheet. */
export const blockGap: Margins = [0, 0, 0, 8];

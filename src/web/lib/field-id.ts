import { actualYears } from '../../domain/fiscal-year';

/**
 * The id of the edit form's control for a document path, shared by the form, its error summary
 * and links from elsewhere: `goals[1].indicators[0].name` → `f-goals-1-indicators-0-name`.
 */
export function fieldId(path: string): string {
  return `f-${path.replace(/[[\].]+/g, '-').replace(/-+$/, '')}`;
}

/** The ids to try for a path, from the field itself up to its goal: the first on the page wins. */
export function fieldTargets(path: string): string[] {
  const targets: string[] = [];
  let rest = path;
  while (rest !== '') {
    targets.push(fieldId(rest));
    const cut = Math.max(rest.lastIndexOf('.'), rest.lastIndexOf('['));
    rest = cut > 0 ? rest.slice(0, cut) : '';
  }
  return targets;
}

/**
 * Paths as the form names its fields. The server's issues name the request body
 * (`document.goals[0]…`), and its refusals of locked fields use the change list's paths
 * (`….target`, `….actuals.2021`).
 */
export function formPath(path: string, fiscalYear: number): string {
  const years = actualYears(fiscalYear);
  return path
    .replace(/^document\.?/, '')
    .replace(/\.(target|result)$/, '.$1.text')
    .replace(/\.actuals\.(\d{4})$/, (whole, year: string) => {
      const index = years.indexOf(Number(year));
      return index === -1 ? whole : `.actuals[${index}]`;
    });
}

/** One thing wrong with an input, by the path of the field it concerns. */
export interface FieldIssue {
  /** e.g. `sheets[3].goals[1].indicators[0].target.value`; '' for the input as a whole. */
  path: string;
  message: string;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Any zod error (classic or core) as field issues. */
export function issuesFromZod(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): FieldIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** A key as it shows in a path: as written when plain, quoted when it holds odd characters. */
function pathKey(key: string): string {
  return /^[\p{L}\p{N}_$-]+$/u.test(key) ? key : JSON.stringify(key);
}

/** `path` followed by one more key or index, written as formatPath writes it. */
export function joinPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? pathKey(key) : `${path}.${pathKey(key)}`;
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { diffSheets } from '../../../domain/sheet-diff';
import { editableParts } from '../../../domain/sheet-lifecycle';
import type { FieldIssue } from '../../../schemas/issues';
import { type SheetView, staleSheetDetailsSchema, toSheetDocument } from '../../../schemas/sheet-edit';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ApiError } from '../../lib/api';
import { saveSheet } from '../../lib/api-sheet-edit';
import { evaluationRuleQuery, sheetQuery } from '../../lib/queries';
import { afterSheetChange } from '../../lib/sheet-cache';
import { useAnchorFocus } from '../../lib/use-anchor-focus';
import { type Conflict, ConflictPanel } from './ConflictPanel';
import { EditForm } from './EditForm';
import type { Editor, Suggestion } from './editor-context';
import { checkDocument, documentIssues, errorsByPath, summaryItems } from './form-errors';
import { historyReducer, startHistory } from './form-history';
import { type FormDocument, toDocument, toForm } from './form-model';
import { LeaveGuard } from './LeaveGuard';

type Base = { version: number; status: SheetView['status']; json: string };
type Problem = { title: string; issues: FieldIssue[] };

function baseOf(sheet: Pick<SheetView, 'version' | 'status'>, form: FormDocument): Base {
  return { version: sheet.version, status: sheet.status, json: JSON.stringify(toDocument(form)) };
}

/**
 * The edit form of one sheet with its save: checked in the browser first, based on the version
 * it started from, showing the server's refusals next to the fields, and a conflict instead of
 * overwriting someone else's save.
 */
export function SheetEditor({ sheet }: { sheet: SheetView }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const fiscalYear = sheet.fiscalYear;
  const [history, dispatch] = useReducer(historyReducer, sheet, (s) =>
    startHistory(toForm(toSheetDocument(s), s.fiscalYear)),
  );
  const form = history.present;
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [base, setBase] = useState<Base>(() => baseOf(sheet, form));
  const [attempted, setAttempted] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLElement>(null);
  const pendingFocus = useRef<string[] | null>(null);
  const leaving = useRef(false);

  const document = useMemo(() => toDocument(form), [form]);
  const dirty = JSON.stringify(document) !== base.json;
  const unsaved = useRef<() => boolean>(() => false);
  unsaved.current = () => dirty && !leaving.current;

  // Once a save was tried, the browser's check follows every change, so fixed fields clear.
  const checked = useMemo(() => (attempted ? checkDocument(document) : null), [attempted, document]);
  // Cells typed or pasted into are checked as they change, so a wrong value shows on its cell at once.
  const live = useMemo(() => {
    if (attempted || touched.size === 0) return [];
    const now = checkDocument(document);
    if (now.ok) return [];
    const isTouched = (path: string) =>
      [...touched].some((t) => path === t || path.startsWith(`${t}.`) || path.startsWith(`${t}[`));
    return now.issues.filter((issue) => isTouched(issue.path));
  }, [attempted, touched, document]);
  const issues = checked && !checked.ok ? checked.issues : [...(problem?.issues ?? []), ...live];
  const errors = useMemo(() => errorsByPath(issues), [issues]);

  useEffect(() => {
    const ids = pendingFocus.current;
    if (!ids) return;
    pendingFocus.current = null;
    for (const id of ids) {
      const element = window.document.getElementById(id);
      if (element && !(element instanceof HTMLButtonElement && element.disabled)) {
        element.focus();
        return;
      }
    }
  });

  // A new conflict takes focus, so that it is read first.
  const conflictShown = conflict !== null && !conflict.continued;
  useEffect(() => {
    if (conflictShown) conflictRef.current?.focus();
  }, [conflictShown]);

  // Arriving from a link to one field (`…/edit#f-goals-0-indicators-0-result`): it takes focus.
  useAnchorFocus(sheet.id);

  const suggestions = useMemo(() => {
    const found = new Map<string, Suggestion>();
    for (const indicator of sheet.goals.flatMap((goal) => goal.indicators)) {
      if (indicator.suggestion)
        found.set(indicator.indicatorId, { ...indicator.suggestion, savedResult: indicator.result.text });
    }
    return found;
  }, [sheet]);

  const { data: rule } = useQuery(evaluationRuleQuery());

  const editor: Editor = {
    dispatch,
    errors,
    fiscalYear,
    suggestions,
    rule: rule ?? null,
    parts: editableParts(base.status),
    history: { canUndo: history.past.length > 0, canRedo: history.future.length > 0 },
    touch: (paths) =>
      setTouched((current) =>
        paths.every((path) => current.has(path)) ? current : new Set([...current, ...paths]),
      ),
    focusAfterRender: (ids) => {
      pendingFocus.current = ids;
    },
  };

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted(true);
    const result = checkDocument(document);
    if (!result.ok) {
      setProblem(null);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setSaving(true);
    try {
      const saved = await saveSheet(sheet.id, { version: base.version, document: result.document });
      leaving.current = true;
      await afterSheetChange(queryClient, saved.sheet);
      await navigate({
        to: '/sheets/$sheetId',
        params: { sheetId: sheet.id },
        state: { flash: saved.changes > 0 ? '保存しました。' : '保存しました（変更はありませんでした）。' },
      });
    } catch (error) {
      const current = error instanceof ApiError ? staleSheetDetailsSchema.safeParse(error.details) : null;
      if (error instanceof ApiError && error.status === 409 && current?.success) {
        const latest = toSheetDocument(current.data.current);
        setConflict({
          message: error.message,
          version: current.data.current.version,
          changes: diffSheets(document, latest, fiscalYear),
          continued: false,
        });
        setProblem(null);
      } else {
        const message = error instanceof Error ? error.message : '保存できませんでした。';
        const found = error instanceof ApiError ? documentIssues(error.issues, fiscalYear) : [];
        setProblem({ title: message, issues: found });
        setAttempted(false);
        requestAnimationFrame(() => summaryRef.current?.focus());
      }
    } finally {
      setSaving(false);
    }
  };

  /** Take the sheet as it is now on the server (with what the user may do with it) as the base. */
  const loadLatest = async (continued: boolean) => {
    const latest = await queryClient.fetchQuery({ ...sheetQuery(sheet.id), staleTime: 0 });
    const next = toForm(toSheetDocument(latest), fiscalYear);
    dispatch({ type: 'reset', form: next });
    setBase(baseOf(latest, next));
    setAttempted(false);
    setProblem(null);
    setTouched(new Set());
    setConflict((c) => (continued && c ? { ...c, version: latest.version, continued: true } : null));
    pendingFocus.current = continued ? ['conflict'] : ['edit-title'];
  };

  const summary =
    problem ?? (checked && !checked.ok ? { title: '入力内容を確認してください。', issues } : null);
  return (
    <>
      {conflict && (
        <ConflictPanel
          ref={conflictRef}
          conflict={conflict}
          onReload={() => void loadLatest(false)}
          onContinue={() => void loadLatest(true)}
        />
      )}
      {summary && (
        <ErrorSummary
          ref={summaryRef}
          title={summary.title}
          items={summaryItems(summary.issues, fiscalYear)}
        />
      )}
      <form noValidate onSubmit={(event) => void save(event)} aria-labelledby="edit-title">
        <EditForm form={form} editor={editor} title={sheet.title} />
        <div className="save-bar">
          <button type="submit" className="button" disabled={saving}>
            {saving ? '保存しています…' : '保存'}
          </button>
          <Link to="/sheets/$sheetId" params={{ sheetId: sheet.id }}>
            キャンセル（シートに戻る）
          </Link>
          {dirty && <span className="save-bar__state">保存していない変更があります</span>}
        </div>
      </form>
      <LeaveGuard unsaved={unsaved} />
    </>
  );
}

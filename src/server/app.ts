import { join } from 'node:path';
import { type Context, Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import type { Database } from '../db/client';
import { projectRoot } from '../db/content-key';
import { healthSchema } from '../schemas/answers';
import { answerFromMemory } from './answer-from-memory';
import type { AppEnv } from './app-env';
import { TrustedProxies } from './client-address';
import { authRoutes } from './features/auth/auth.routes';
import { defaultSignInOptions, type SignInOptions } from './features/auth/sign-in';
import { commentThreadsRoutes, sheetCommentsRoutes } from './features/comments/comments.routes';
import { consistencyRoutes } from './features/consistency/consistency.routes';
import { correctionsRoutes, proposeCorrectionRoutes } from './features/corrections/corrections.routes';
import { deadlinesRoutes } from './features/deadlines/deadlines.routes';
import { downloadsRoutes } from './features/downloads/downloads.routes';
import { evaluationRulesRoutes } from './features/evaluation-rules/evaluation-rules.routes';
import { homeRoutes } from './features/home/home.routes';
import { indicatorsRoutes } from './features/indicators/indicators.routes';
import { exportRoutes, importRoutes } from './features/interchange/interchange.routes';
import { JobRegistry, type JobRegistryOptions } from './features/jobs/job-registry';
import { jobsRoutes } from './features/jobs/jobs.routes';
import { licenceRoutes } from './features/licence/licence.routes';
import { mailSenderRoutes } from './features/mail-sender/mail-sender.routes';
import { municipalitiesRoutes } from './features/municipalities/municipalities.routes';
import { notificationsRoutes } from './features/notifications/notifications.routes';
import { sheetRemindersRoutes } from './features/notifications/reminders.routes';
import { openDataRoutes } from './features/open-data/open-data.routes';
import { organizationsRoutes, wardsRoutes } from './features/organizations/organizations.routes';
import { overviewRoutes } from './features/overview/overview.routes';
import { progressRoutes } from './features/progress/progress.routes';
import { reorganizationRoutes } from './features/reorganization/reorganization.routes';
import { rolloverRoutes } from './features/rollover/rollover.routes';
import { searchRoutes } from './features/search/search.routes';
import { nominalDatesRoutes, wardYearDatesRoutes } from './features/sheet-dates/sheet-dates.routes';
import { drawnSheetPages } from './features/sheets/drawn-sheet-page';
import { presenceRoutes } from './features/sheets/presence.routes';
import { SheetCache } from './features/sheets/sheet-cache';
import { sheetsRoutes } from './features/sheets/sheets.routes';
import { signInThrottlesRoutes } from './features/sign-in-throttles/sign-in-throttles.routes';
import { signOnRoutes, signOnSettingsRoutes } from './features/sign-on/sign-on.routes';
import type { SignOnEnvironment } from './features/sign-on/sign-on-config';
import { usersRoutes } from './features/users/users.routes';
import { apiSecurityHeaders } from './middleware/api-headers';
import { bodyLimits, limitRequestBodies } from './middleware/body-limit';
import { csrf } from './middleware/csrf';
import { handleError, handleNotFound } from './middleware/errors';
import { requirePasswordChange } from './middleware/password-change';
import { requestId } from './middleware/request-id';
import { rawPathOf, rejectUnreadableText } from './middleware/request-text';
import { type RouteMatch, routeTable } from './middleware/route-table';
import { session } from './middleware/session';
import { doc } from './openapi/doc';
import { interchangeSchemaRoutes } from './openapi/interchange-schema.routes';
import { openApiRoutes } from './openapi/openapi.routes';
import { type PdfWorkerOptions, PdfWorkers } from './pdf-workers/pdf-workers';
import { webApp } from './web-app';

/**
 * Pages get the full set: a CSP with no inline script, no sniffing, and no framing by anyone —
 * `frame-ancestors 'none'` with `X-Frame-Options: DENY` for browsers that predate it (the same
 * framing policy as every API answer).
 */
export const pageSecurityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    fontSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  xFrameOptions: 'DENY',
  referrerPolicy: 'same-origin',
  strictTransportSecurity: false,
});

/**
 * The build's scripts, stylesheets and fonts are never rendered as documents: they need only not
 * to be sniffed nor read by other sites. Leaving out the page headers saves about 600 bytes on
 * each of the twenty-odd files a first visit fetches.
 */
const subresourceSecurityHeaders = createMiddleware(async (c, next) => {
  c.header('x-content-type-options', 'nosniff');
  c.header('cross-origin-resource-policy', 'same-origin');
  await next();
});
const subresource = /^\/assets\/[^/]+\.(?:js|css|woff2)$/;

/** The built web app (`npm run build`), from the project root whether the server runs from src/ or its bundle. */
export const defaultWebRoot = join(projectRoot, 'dist', 'web');

export interface CreateAppOptions {
  database: Database;
  /** The built web app; defaults to dist/web. */
  webRoot?: string;
  /** Reverse proxies whose X-Forwarded-For names the client (MOKUHYO_TRUSTED_PROXIES). */
  trustedProxies?: readonly string[];
  /** The sign-in throttle's clock and parameters (tests move time instead of waiting). */
  signIn?: Partial<SignInOptions>;
  /** Timing of the job queue (tests shorten it). */
  jobs?: JobRegistryOptions;
  /** The PDF worker threads (tests limit them). */
  pdf?: PdfWorkerOptions;
  /** Whether 通知 are mailed (MOKUHYO_SMTP_URL is set): the settings page says so. */
  mailEnabled?: boolean;
  /** The installation's sender of 通知 mail (MOKUHYO_MAIL_FROM), which a municipality may replace with its own. */
  mailFrom?: string | null;
  /** The address the public reaches this server at (MOKUHYO_PUBLIC_URL): the DCAT descriptions' URLs. */
  publicUrl?: string | undefined;
  /** シングルサインオン of the default municipality from MOKUHYO_OIDC_* (when it has no settings of its own). */
  signOn?: SignOnEnvironment | null;
}

export interface DisposeOptions {
  /** How long jobs running here may take to finish before they are left to another server. */
  jobGraceMs?: number;
}

/**
 * The whole HTTP app over one open database. `dispose` stops its change listener and its job
 * workers (a job it leaves unfinished is run again by another server or after a restart).
 */
export async function createApp({
  database,
  webRoot = defaultWebRoot,
  trustedProxies = [],
  signIn = {},
  jobs: jobOptions,
  pdf: pdfOptions,
  mailEnabled = false,
  mailFrom = null,
  publicUrl,
  signOn = null,
}: CreateAppOptions) {
  const signInOptions: SignInOptions = { ...defaultSignInOptions, ...signIn };
  const proxies = trustedProxies.length > 0 ? new TrustedProxies(trustedProxies) : null;
  const cache = new SheetCache();
  const pdf = new PdfWorkers(pdfOptions);
  const jobs = new JobRegistry(database, jobOptions, pdf);
  await jobs.start();
  const stopListeningToSheets = await database.onSheetChanged((id) => cache.invalidate(id));
  const stopListeningToWards = await database.onWardChanged((id) => cache.wardChanged(id));
  const stopListening = async () => {
    await stopListeningToSheets();
    await stopListeningToWards();
  };
  /** Returns the ids of the jobs it left unfinished. */
  const dispose = async ({ jobGraceMs = 0 }: DisposeOptions = {}) => {
    const abandoned = await jobs.stop({ graceMs: jobGraceMs });
    await pdf.close();
    await stopListening();
    return abandoned;
  };

  // The OpenAPI routes and the checks before routing read the finished app's route table on first use.
  let whole: Hono<never> = new Hono();
  const routes = routeTable(() => whole);
  const matched = new WeakMap<Request, RouteMatch | null>();
  const routeOf = (c: Context) => {
    const request = c.req.raw;
    if (!matched.has(request)) matched.set(request, routes.match(c.req.method, rawPathOf(c.req.url)));
    return matched.get(request) ?? null;
  };
  const api = new Hono<AppEnv>()
    .use(apiSecurityHeaders)
    .use(session)
    .use(csrf)
    .use(requirePasswordChange)
    .route('/v1/auth', authRoutes({ signIn: signInOptions, trustedProxies: proxies }))
    .route('/v1/auth/sign-on', signOnRoutes(signOn))
    .route('/v1/municipalities', municipalitiesRoutes())
    .route('/v1/wards', wardsRoutes(cache))
    .route('/v1/organizations', organizationsRoutes())
    .route('/v1/sheets', sheetsRoutes(cache))
    .route('/v1/sheets', proposeCorrectionRoutes(cache))
    .route('/v1/sheets', presenceRoutes())
    .route('/v1/sheets', sheetCommentsRoutes())
    .route('/v1/sheets', sheetRemindersRoutes())
    .route('/v1/comment-threads', commentThreadsRoutes())
    .route('/v1/notifications', notificationsRoutes(mailEnabled))
    .route('/v1/mail-sender', mailSenderRoutes({ enabled: mailEnabled, from: mailEnabled ? mailFrom : null }))
    .route('/v1/corrections', correctionsRoutes(cache))
    .route('/v1/export', exportRoutes())
    .route('/v1/import', importRoutes())
    .route('/v1/consistency', consistencyRoutes())
    .route('/v1/progress', progressRoutes())
    .route('/v1/home', homeRoutes())
    .route('/v1/search', searchRoutes())
    .route('/v1/overview', overviewRoutes(cache))
    .route('/v1/rollover', rolloverRoutes())
    .route('/v1/deadlines', deadlinesRoutes())
    .route('/v1/reorganizations', reorganizationRoutes())
    .route('/v1/indicators', indicatorsRoutes())
    .route('/v1/downloads', downloadsRoutes(cache, pdf))
    .route('/v1/downloads', openDataRoutes(publicUrl))
    .route('/v1/jobs', jobsRoutes(jobs))
    .route('/v1/evaluation-rule', evaluationRulesRoutes(cache))
    .route('/v1/licence', licenceRoutes(cache))
    .route('/v1/nominal-dates', nominalDatesRoutes())
    .route('/v1/ward-year-dates', wardYearDatesRoutes())
    .route('/v1/sign-in-throttles', signInThrottlesRoutes(signInOptions))
    .route('/v1/users', usersRoutes())
    .route('/v1/sign-on', signOnSettingsRoutes(signOn))
    .get(
      '/health',
      doc({ summary: 'サーバーとデータベースの状態（準備ができていれば 200）', response: healthSchema }),
      (c) => c.json({ status: 'ok' as const, database: database.engine }),
    )
    .route(
      '/',
      openApiRoutes(() => whole),
    )
    .route('/', interchangeSchemaRoutes())
    .notFound(handleNotFound);

  // The public's cached reads are answered before this chain (answer-from-memory.ts): a
  // middleware that must apply to them too belongs there as well.
  const app = new Hono<AppEnv>()
    .use(requestId)
    // Before anything reads the request: its body's size, then the text of its URL and headers.
    .use(limitRequestBodies((c) => routeOf(c)?.bodyLimit ?? bodyLimits.json))
    .use('/api/*', rejectUnreadableText(routeOf))
    .use(async (c, next) => {
      c.set('db', database.db);
      await next();
    })
    .route('/api', api)
    .all('/api/*', handleNotFound)
    .use('*', (c, next) =>
      subresource.test(c.req.path) ? subresourceSecurityHeaders(c, next) : pageSecurityHeaders(c, next),
    )
    .route('/', webApp(webRoot, drawnSheetPages(cache)))
    .onError(handleError);
  whole = app as unknown as Hono<never>;
  // Sub-apps keep their own error handlers unless told: route every error through one place.
  api.onError(handleError);

  return { app, cache, jobs, pdf, dispose, answerEarly: answerFromMemory(cache) };
}

import { z } from '../../schemas/zod';
import { clientOver, type TestClient } from '../testing/test-app';

/** One answer of an operation in the OpenAPI document: its content by media type. */
interface DocumentedAnswer {
  description?: string;
  content?: Record<string, { schema?: Record<string, unknown> }>;
}

export interface DocumentedOperation {
  /** `GET /api/v1/sheets/{id}`, as the document names it. */
  key: string;
  method: string;
  pattern: RegExp;
  responses: Record<string, DocumentedAnswer>;
}

type OpenApiDocument = {
  paths: Record<string, Record<string, { responses: Record<string, DocumentedAnswer> }>>;
};

export function documentedOperations(document: OpenApiDocument): DocumentedOperation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      key: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      pattern: new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`),
      responses: operation.responses,
    })),
  );
}

/** The operation's success answers (2xx). */
export function successAnswers(operation: DocumentedOperation): [string, DocumentedAnswer][] {
  return Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
}

/**
 * Whether the operation says what it answers on success: a JSON schema that describes
 * something (not `{}`), or a file's media type.
 */
export function declaresItsAnswer(operation: DocumentedOperation): boolean {
  const answers = successAnswers(operation);
  return (
    answers.length > 0 &&
    answers.every(([, answer]) => {
      const content = Object.entries(answer.content ?? {});
      return (
        content.length > 0 &&
        content.every(([, media]) => media.schema !== undefined && Object.keys(media.schema).length > 0)
      );
    })
  );
}

function answerFor(operation: DocumentedOperation, status: number): DocumentedAnswer | undefined {
  return operation.responses[String(status)] ?? operation.responses[`${String(status)[0]}XX`];
}

/** What is wrong with a real answer, measured against what the document declares for it. */
async function problemsOf(operation: DocumentedOperation, res: Response): Promise<string[]> {
  if (res.status === 304) return [];
  const answer = answerFor(operation, res.status);
  if (!answer) return [`answered ${res.status}, which the document does not declare`];
  const content = answer.content ?? {};
  const mediaType = (res.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
  const declared = content[mediaType];
  if (!declared?.schema) {
    return [
      `answered ${res.status} as ${mediaType || 'nothing'}; declared: ${Object.keys(content).join(', ')}`,
    ];
  }
  if (mediaType !== 'application/json') return [];
  const parsed = z.fromJSONSchema(declared.schema).safeParse(await res.json());
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

/**
 * A client whose every answer is checked against the OpenAPI document (schema for JSON, media
 * type for files); `reached` collects the operations it has called.
 */
export function checkedClient(
  client: TestClient,
  operations: DocumentedOperation[],
  reached: Set<string>,
): TestClient {
  const request = async (path: string, init: RequestInit = {}) => {
    const res = await client.request(path, init);
    const method = (init.method ?? 'GET').toUpperCase();
    const pathname = new URL(path, 'http://localhost').pathname;
    const operation =
      operations.find((o) => o.key === `${method} ${pathname}`) ??
      operations.find((o) => o.method === method && o.pattern.test(pathname));
    if (!operation) throw new Error(`${method} ${pathname} is not in the API document`);
    reached.add(operation.key);
    const problems = await problemsOf(operation, res.clone());
    if (problems.length > 0) {
      throw new Error(`${operation.key} answered unlike its declaration:\n${problems.join('\n')}`);
    }
    return res;
  };
  return clientOver(request);
}

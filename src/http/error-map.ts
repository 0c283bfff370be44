// The one place where errors become HTTP statuses and bodies. Every answer that is not a success
// has the body {code, message}: domain errors with their own message, the framework's refusals
// (unreadable body, wrong content type, too large, bad URL) with a message naming the part of the
// request at fault. Framework messages are never passed on: some quote the URL or the body.
import { DomainError, type ErrorCode } from '../domain/errors.ts';
import { NUL_MESSAGE } from '../domain/input-issues.ts';

export const HTTP_STATUS: Record<ErrorCode, number> = {
  'invalid-input': 400,
  unauthenticated: 401,
  'account-locked': 423,
  forbidden: 403,
  'purpose-required': 403,
  'not-found': 404,
  conflict: 409,
  'invalid-state': 409,
  'rate-limited': 429,
  'too-large': 413,
  'unsupported-media-type': 415,
  'headers-too-large': 431,
  internal: 500,
};

export interface ErrorBody {
  code: ErrorCode;
  message: string;
}

/** The framework's own 4xx refusals, by status: what we say instead of its message. */
const FRAMEWORK_REFUSALS: Readonly<Record<number, ErrorBody>> = {
  400: { code: 'invalid-input', message: 'body: is not valid JSON or is empty' },
  404: { code: 'not-found', message: 'no such route' },
  413: { code: 'too-large', message: 'body: is larger than the server accepts' },
  415: { code: 'unsupported-media-type', message: 'content-type: send application/json' },
  429: { code: 'rate-limited', message: 'too many attempts; try again later' },
  431: { code: 'headers-too-large', message: 'headers: are larger than the server accepts' },
};

const FRAMEWORK_CODES: Readonly<Record<string, ErrorBody>> = {
  FST_ERR_BAD_URL: { code: 'invalid-input', message: 'url: is not a valid URL' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'invalid-input', message: 'url: a path segment is too long' },
  // PostgreSQL cannot store a NUL in text. Validation refuses it first; this is the safety net.
  '22021': { code: 'invalid-input', message: `input: ${NUL_MESSAGE}` },
};

export function toErrorBody(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof DomainError) return { status: HTTP_STATUS[error.code], body: { code: error.code, message: error.message } };
  const { statusCode, code } = (error ?? {}) as { statusCode?: unknown; code?: unknown };
  const known = typeof code === 'string' ? FRAMEWORK_CODES[code] : undefined;
  if (known) return { status: HTTP_STATUS[known.code], body: known };
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    const body = FRAMEWORK_REFUSALS[statusCode] ?? { code: 'invalid-input', message: 'request: cannot be read' };
    return { status: HTTP_STATUS[body.code], body };
  }
  return { status: 500, body: { code: 'internal', message: 'internal error' } };
}

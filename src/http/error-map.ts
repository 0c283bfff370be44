// The one place where domain error codes become HTTP statuses.
import { DomainError, type ErrorCode } from '../domain/errors.ts';

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
  internal: 500,
};

export interface ErrorBody {
  code: ErrorCode;
  message: string;
}

export function toErrorBody(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof DomainError) return { status: HTTP_STATUS[error.code], body: { code: error.code, message: error.message } };
  return { status: 500, body: { code: 'internal', message: 'internal error' } };
}

// The closed set of errors the application can answer with. Each adapter maps a code once
// (HTTP status in src/http/error-map.ts, exit status in the CLI). Messages name the
// field at fault and never carry secret content.
export const ERROR_CODES = {
  'invalid-input': 'the input does not follow the schema; the message names the field',
  unauthenticated: 'no valid session or token, or wrong credentials (deliberately generic)',
  'account-locked': 'too many failed logins; the account is locked for a while',
  forbidden: 'the actor may not do this; the refusal is in the access log',
  'purpose-required': 'opening this data needs a purpose that allows it',
  'not-found': 'no such record in the actor’s CPAS (records of other CPAS are never revealed)',
  conflict: 'the record exists already (e.g. the same NISS twice)',
  'invalid-state': 'the action does not fit the record’s current state',
  'rate-limited': 'too many attempts; try again later',
  'too-large': 'the request body is larger than the server accepts',
  'unsupported-media-type': 'the request body is in a format the route does not read (send JSON)',
  'headers-too-large': 'the request headers are larger than the server accepts',
  internal: 'an unexpected failure; details are in the server log, never in the answer',
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalidInput = (field: string, message: string) => new DomainError('invalid-input', `${field}: ${message}`, field);
export const notFound = (what: string) => new DomainError('not-found', `${what} not found`);
export const forbidden = (message = 'not allowed') => new DomainError('forbidden', message);

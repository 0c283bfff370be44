// What a rejected input is told: the field at fault and what the field expects, never what was sent.
// zod's own messages may quote the input (an unknown key, a received value); a national number or
// a diagnosis typed in the wrong field would then come back in an answer, a log or a screen. So
// every issue without a message written in our schemas gets one of these, made from the issue's
// code and the schema only, and installed as zod's error map for every parse in the process.
import { z } from 'zod';

/** Keys that are safe to repeat as a field name: they look like a field, not like data. */
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]{0,39}$/;

type Issue = z.core.$ZodRawIssue | z.core.$ZodIssue;

const typeNoun = (expected: string): string =>
  ({ string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', object: 'an object', array: 'a list', null: 'null' })[expected] ?? expected;

function sizeMessage(issue: { code: 'too_big' | 'too_small'; origin?: string; maximum?: unknown; minimum?: unknown }): string {
  const limit = String(issue.code === 'too_big' ? issue.maximum : issue.minimum);
  const bound = issue.code === 'too_big' ? 'at most' : 'at least';
  if (issue.origin === 'string') return `must be ${bound} ${limit} characters`;
  if (issue.origin === 'array' || issue.origin === 'set') return `must hold ${bound} ${limit} items`;
  return `must be ${bound} ${limit}`;
}

/** The message for an issue, from its code and the schema's expectations only. */
export function safeIssueMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${typeNoun(issue.expected)}`;
    case 'invalid_value': {
      // The allowed values come from the schema; the value sent is not repeated.
      const allowed = issue.values.filter((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean').map(String);
      return allowed.length > 0 && allowed.length <= 20 ? `must be one of ${allowed.join(', ')}` : 'is not an allowed value';
    }
    case 'too_big':
    case 'too_small':
      return sizeMessage(issue);
    case 'invalid_format':
      return issue.format === 'regex' ? 'is not in the expected form' : `must be ${issue.format === 'uuid' || issue.format === 'guid' ? 'a UUID' : `in ${issue.format} format`}`;
    case 'unrecognized_keys':
      return 'is not an allowed field';
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_key':
      return 'has a key that is not allowed';
    case 'invalid_element':
      return 'holds a value that is not allowed';
    case 'invalid_union':
      return 'does not match any allowed form';
    default:
      return 'is invalid';
  }
}

z.config({ customError: safeIssueMessage });

const joinPath = (parent: string, segment: PropertyKey): string =>
  typeof segment === 'number' ? `${parent}[${segment}]` : parent === '' ? String(segment) : `${parent}.${String(segment)}`;

/**
 * One line naming the first field at fault. `root` names the whole input (body, query, params)
 * when the issue is about it. An unknown key is named when it looks like a field name; a key that
 * looks like data ("Diagnosis of ...") is not repeated: its object is named instead.
 */
export function describeInputIssue(error: z.ZodError, root = 'body'): { field: string; message: string } {
  const issue = error.issues[0];
  if (!issue) return { field: root, message: 'is invalid' };
  let field = issue.path.reduce<string>((parent, segment) => joinPath(parent, segment), '');
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    if (PLAIN_KEY.test(key)) field = joinPath(field, key);
    else message = 'has a field that is not allowed';
  }
  return { field: field === '' ? root : field, message };
}

/**
 * Where the first NUL character is in a JSON-like input, as a field path, or null. PostgreSQL
 * cannot store it in text (error 22021), and no real name or note contains one: it is refused as
 * invalid input before any schema or database sees it. A key holding one is refused with its object.
 */
export function findNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNul(item, joinPath(path, index));
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return path;
      const found = findNul(item, PLAIN_KEY.test(key) ? joinPath(path, key) : path);
      if (found !== null) return found;
    }
  }
  return null;
}

export const NUL_MESSAGE = 'must not contain a NUL character';

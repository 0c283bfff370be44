// The one error-to-HTTP map: every failure becomes a status and the body {code, message}; the
// framework's and the database's own messages (which may quote a URL, a body or a value) never pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../domain/errors.ts';
import { toErrorBody } from './error-map.ts';

test('domain errors keep their code and message', () => {
  assert.deepEqual(toErrorBody(new DomainError('conflict', 'niss: exists')), { status: 409, body: { code: 'conflict', message: 'niss: exists' } });
});

test("the database's NUL refusal (22021) is invalid input, as a safety net behind validation", () => {
  const error = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00 in "Secret\u0000name"'), { code: '22021' });
  const { status, body } = toErrorBody(error);
  assert.equal(status, 400);
  assert.equal(body.code, 'invalid-input');
  assert.ok(!body.message.includes('Secret'));
});

test("the framework's refusals get our status and words, never its message", () => {
  const cases: [Record<string, unknown>, number, string][] = [
    [{ statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', message: 'Unsupported Media Type: application/x-secret' }, 415, 'unsupported-media-type'],
    [{ statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE', message: 'Request body is too large' }, 413, 'too-large'],
    [{ statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY', message: 'Unexpected token S in "Secret"' }, 400, 'invalid-input'],
    [{ statusCode: 400, code: 'FST_ERR_BAD_URL', message: "'/persons/Secret%' is not a valid url component" }, 400, 'invalid-input'],
    [{ statusCode: 405, message: 'Secret' }, 400, 'invalid-input'],
    [{ statusCode: 431 }, 431, 'headers-too-large'],
  ];
  for (const [error, status, code] of cases) {
    const answer = toErrorBody(error);
    assert.equal(answer.status, status, JSON.stringify(error));
    assert.equal(answer.body.code, code);
    assert.ok(!answer.body.message.includes('Secret'), answer.body.message);
    assert.match(answer.body.message, /^[a-z-]+: /);
  }
});

test('anything else is a 500 that says nothing', () => {
  assert.deepEqual(toErrorBody(new TypeError('Cannot read "Secret"')), { status: 500, body: { code: 'internal', message: 'internal error' } });
  assert.deepEqual(toErrorBody(null).status, 500);
});

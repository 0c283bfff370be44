// docs/request-format.md promises that its examples are valid requests: each must parse.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseAssessmentInput } from '../domain/requests/parse-request.ts';

test('every example of docs/examples parses as a request and is named in docs/request-format.md', () => {
  const doc = readFileSync('docs/request-format.md', 'utf8');
  const examples = readdirSync('docs/examples').filter((name) => name.startsWith('request-') && name.endsWith('.json'));
  assert.ok(examples.length >= 3);
  for (const name of examples) {
    assert.ok(doc.includes(name), name);
    assert.doesNotThrow(() => parseAssessmentInput(JSON.parse(readFileSync(`docs/examples/${name}`, 'utf8'))), name);
  }
});

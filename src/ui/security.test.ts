import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { assetUrl, findAsset, neutralGovukCss } from './assets.ts';
import { PurposeMemory, PURPOSE_TTL_MINUTES } from './purpose-memory.ts';
import { CONTENT_SECURITY_POLICY, sameToken } from './security.ts';

test('a purpose is remembered per session and person, expires, and is forgotten at log-out', () => {
  let now = 0;
  const memory = new PurposeMemory(() => now);
  memory.remember('session-1', 'person-a', 'case-follow-up');
  assert.equal(memory.recall('session-1', 'person-a'), 'case-follow-up');
  assert.equal(memory.recall('session-2', 'person-a'), null, 'another session does not inherit it');
  assert.equal(memory.recall('session-1', 'person-b'), null, 'another person does not inherit it');
  now += PURPOSE_TTL_MINUTES * 60_000 - 1;
  assert.equal(memory.recall('session-1', 'person-a'), 'case-follow-up', 'use extends it');
  now += PURPOSE_TTL_MINUTES * 60_000;
  assert.equal(memory.recall('session-1', 'person-a'), null);
  memory.remember('session-1', 'person-a', 'supervision');
  memory.forgetSession('session-1');
  assert.equal(memory.recall('session-1', 'person-a'), null);
});

test('tokens compare only when equal and non-empty', () => {
  assert.equal(sameToken('abc', 'abc'), true);
  assert.equal(sameToken('abc', 'abd'), false);
  assert.equal(sameToken('', ''), false);
  assert.equal(sameToken(undefined, 'abc'), false);
});

test('the CSP allows nothing inline and nothing from elsewhere', () => {
  assert.match(CONTENT_SECURITY_POLICY, /default-src 'self'/);
  assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-inline|unsafe-eval|https?:|\*/);
});

test('the served GOV.UK stylesheet names no GDS Transport font and loads no font file', () => {
  const css = findAsset('govuk-frontend.css')!.body.toString('utf8');
  assert.doesNotMatch(css, /GDS Transport|\/assets\/fonts\//);
  assert.match(css, /font-family:system-ui/);
  const original = readFileSync(createRequire(import.meta.url).resolve('govuk-frontend/dist/govuk/govuk-frontend.min.css'), 'utf8');
  assert.ok(original.includes('GDS Transport'), 'the transform has something to do');
  assert.throws(() => neutralGovukCss('a{font-family:"GDS Transport" , serif}'), /GDS Transport/);
});

test('asset URLs carry their content hash', () => {
  assert.match(assetUrl('init.js'), /^\/assets\/init\.js\?v=[0-9a-f]{12}$/);
  assert.match(findAsset('init.js')!.body.toString(), /govuk-frontend\.js\?v=[0-9a-f]{12}/);
});

// The guide's CHECK switch through the pages: the directeur général records the legal service's
// decision as a new version (named in every answer after it); everyone else is refused before the
// form; bad input names the field and keeps what was typed; a used name is a conflict.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { currentGuideSettings } from '../app/guide/assess-guide.ts';
import { mainOf } from './testing/page-client.ts';
import { logInAs, openUiWorld, type UiWorld } from './testing/ui-world.ts';

let world: UiWorld;
before(async () => {
  world = await openUiWorld(() => new Date('2026-11-28T09:00:00Z'));
});
after(() => world?.close());

const versionOf = async () => (await currentGuideSettings(world.ctx, world.fx.namur.actors.directrice!)).version;

test('the directeur général finds the switch from the guide and records a new version', async () => {
  const director = await logInAs(world.app, 'directrice@namur');
  assert.match((await director.get('/guide')).body, /href="\/guide\/settings"/);
  const page = await director.get('/guide/settings');
  assert.equal(page.status, 200);
  assert.match(mainOf(page.body), /Configuration par défaut/);
  assert.equal(await versionOf(), 0);
  const bad = await director.post('/guide/settings', { configId: 'a b', externalSharedSecrecy: 'maybe', decisionRef: 'Avis du 3 novembre 2026' });
  assert.equal(bad.status, 400);
  assert.match(bad.body, /href="#(configId|externalSharedSecrecy)"/);
  assert.match(bad.body, /Avis du 3 novembre 2026/, 'what was typed stays');
  const noRef = await director.post('/guide/settings', { configId: 'namur-2026-11', externalSharedSecrecy: 'off', decisionRef: '' });
  assert.equal(noRef.status, 400);
  assert.match(noRef.body, /href="#decisionRef"/);
  assert.equal(await versionOf(), 0, 'nothing recorded from bad input');
  const saved = await director.post('/guide/settings', { configId: 'namur-2026-11', externalSharedSecrecy: 'off', decisionRef: 'Avis SJ 2026/41 du 3 novembre 2026' });
  assert.equal(saved.location, '/guide/settings?done=1');
  assert.equal(await versionOf(), 1);
  const after = mainOf((await director.get('/guide/settings?done=1')).body);
  assert.match(after, /La version 1 est en vigueur/);
  assert.match(after, /namur-2026-11[\s\S]*Désactivé/);
  const again = await director.post('/guide/settings', { configId: 'namur-2026-11', externalSharedSecrecy: 'on', decisionRef: 'Avis SJ 2026/42' });
  assert.equal(again.status, 409, 'a name names one configuration');
  assert.equal(await versionOf(), 1);
});

test('refused before the form to every other role, and no link for them', async () => {
  for (const login of ['president@namur', 'dpo@namur', 'responsable@namur', 'assistant-social@namur', 'agent@namur']) {
    const client = await logInAs(world.app, login);
    assert.doesNotMatch((await client.get('/guide')).body, /href="\/guide\/settings"/, login);
    assert.equal((await client.get('/guide/settings')).status, 403, login);
  }
});

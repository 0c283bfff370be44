// Who may act on the sealed register, exhaustively over roles x delegation x actions, against the
// rules written a second time below as the issue states them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES, type Role } from '../roles.ts';
import { mayActOnRegister, mayBeDelegate, REGISTER_ACTIONS, type RegisterAction } from './register-access.ts';

function expected(role: Role, delegate: boolean, action: RegisterAction): boolean {
  const answersForCpas = role === 'directeur-general' || role === 'president';
  switch (action) {
    case 'record':
      return true; // anyone may receive a letter and must pass it on (R15)
    case 'read':
      return answersForCpas || role === 'dpo' || (delegate && role === 'administrative-agent');
    case 'manage':
      return answersForCpas || (delegate && role === 'administrative-agent');
    case 'sign':
    case 'delegate':
    case 'configure':
      return answersForCpas; // R14: never a delegate, never a social worker
    case 'statistics':
      return answersForCpas || role === 'dpo';
  }
}

test('every role x delegation x register action matches the written rules', () => {
  let checked = 0;
  for (const role of ROLES) {
    for (const delegate of [false, true]) {
      for (const action of REGISTER_ACTIONS) {
        assert.equal(mayActOnRegister([role], delegate, action), expected(role, delegate, action), `${role} delegate=${delegate} ${action}`);
        checked += 1;
      }
    }
  }
  assert.equal(checked, ROLES.length * 2 * REGISTER_ACTIONS.length);
});

test('only the directeur général and the président sign, alone or with any other role', () => {
  for (const a of ROLES) {
    for (const b of ROLES) {
      const signs = [a, b].some((r) => r === 'directeur-general' || r === 'president');
      assert.equal(mayActOnRegister([a, b], true, 'sign'), signs, `${a}+${b}`);
    }
  }
});

test('a social worker can record a request and do nothing else with the register, even if delegated', () => {
  for (const action of REGISTER_ACTIONS) {
    assert.equal(mayActOnRegister(['social-worker'], true, action), action === 'record', action);
    assert.equal(mayActOnRegister(['social-worker', 'administrative-agent'], true, action), action === 'record', `dual role ${action}`);
  }
});

test('only administrative agents, and nobody who also holds another role, can be delegates', () => {
  for (const role of ROLES) assert.equal(mayBeDelegate([role]), role === 'administrative-agent', role);
  assert.equal(mayBeDelegate([]), false);
  assert.equal(mayBeDelegate(['administrative-agent', 'head-of-social-service']), false);
});

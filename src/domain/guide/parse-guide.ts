// Reads untrusted JSON into a guide situation exactly as the contract's input table describes it,
// or throws an error whose one-line message names the first field at fault: an unknown field first,
// then the fields in the order of the table. Nothing is assessed from a guess: a misspelt optional
// field would otherwise be dropped and the danger it described ignored.
// Messages name the field and never show the value: a name, a date or a sentence typed into a field
// would otherwise be echoed into a terminal, a log or an HTTP answer (the contract's examples quote
// the value; the project's rule for every input, and its fuzz test, do not).
import { CONFIG_ID, SWITCH_VALUES, type GuideConfig, type SwitchValue } from './config.ts';
import {
  CAN_PROTECT,
  CONSENTS,
  COUNTERPARTS,
  DANGERS,
  ENDANGERED,
  GUIDE_CHANNELS,
  GUIDE_ITEMS,
  INITIATIVES,
  INSTRUMENTS,
  OFFENCES,
  type GuideInput,
  type GuideItem,
} from './vocabulary.ts';

export class GuideInputError extends Error {
  readonly code = 'invalid-input';
  constructor(readonly field: string, message: string) {
    super(message);
    this.name = 'GuideInputError';
  }
}

const fail = (field: string, problem: string): never => {
  throw new GuideInputError(field, `${field}: ${problem}`);
};

const TOKEN = /^[A-Za-z0-9_.-]{1,40}$/;

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** The fields of the input table, in the order faults are reported. */
export const GUIDE_FIELDS = [
  'counterpart',
  'initiative',
  'channel',
  'instrument',
  'consent',
  'danger',
  'endangered',
  'canProtect',
  'offence',
  'items',
] as const;

function readChoice<T extends string>(value: unknown, field: string, choices: readonly T[], noun = 'value'): T {
  if (typeof value !== 'string') return fail(field, `expected text, got ${kindOf(value)}`);
  if (value === '') return fail(field, `empty ${noun}`);
  if (!(choices as readonly string[]).includes(value)) {
    return fail(field, `unknown ${noun}`);
  }
  return value as T;
}

function readItems(value: unknown): GuideItem[] {
  if (!Array.isArray(value)) return fail('items', `expected a list of categories, got ${kindOf(value)}`);
  if (value.length === 0) return fail('items', 'empty (expected at least one category)');
  const items: GuideItem[] = [];
  value.forEach((element, i) => {
    const item = readChoice(element, `items[${i}]`, GUIDE_ITEMS, 'category');
    if (items.includes(item)) fail(`items[${i}]`, 'repeated category');
    items.push(item);
  });
  return items;
}

function readObject(json: unknown, keys: readonly string[]): Readonly<Record<string, unknown>> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail('input', `expected an object, got ${kindOf(json)}`);
  for (const key of Object.keys(json)) {
    if (!keys.includes(key)) fail(TOKEN.test(key) ? key : 'input', 'unknown field');
  }
  return json as Readonly<Record<string, unknown>>;
}

/** Reads a situation as the contract's input table describes it. @throws GuideInputError */
export function parseGuideInput(json: unknown): GuideInput {
  const o = readObject(json, GUIDE_FIELDS);
  const required = <T extends string>(key: (typeof GUIDE_FIELDS)[number], choices: readonly T[]): T =>
    o[key] === undefined ? fail(key, 'required') : readChoice(o[key], key, choices);
  const counterpart = required('counterpart', COUNTERPARTS);
  const initiative = required('initiative', INITIATIVES);
  const channel = required('channel', GUIDE_CHANNELS);
  const instrument = required('instrument', INSTRUMENTS);
  const consent = required('consent', CONSENTS);
  const danger = required('danger', DANGERS);
  // Needed to decide whenever there is a danger; given anyway when there is none, they must still
  // be valid (a typo is not silently accepted), and they are ignored.
  const dangerDetail = <T extends string>(key: 'endangered' | 'canProtect', choices: readonly T[]): T | null => {
    const value = o[key];
    if (value === undefined || value === null) {
      return danger === 'none' ? null : fail(key, `required when danger is ${JSON.stringify(danger)}`);
    }
    return readChoice(value, key, choices);
  };
  const endangered = dangerDetail('endangered', ENDANGERED);
  const canProtect = dangerDetail('canProtect', CAN_PROTECT);
  const offence = required('offence', OFFENCES);
  const items = o.items === undefined ? fail('items', 'required') : readItems(o.items);
  return {
    counterpart,
    initiative,
    channel,
    instrument,
    consent,
    danger,
    ...(danger === 'none' ? {} : { endangered, canProtect }),
    offence,
    items,
  };
}

/** Reads a CPAS's guide configuration: `{ id, externalSharedSecrecy }`. @throws GuideInputError */
export function parseGuideConfig(json: unknown): GuideConfig {
  const o = readObject(json, ['id', 'externalSharedSecrecy']);
  if (o.id === undefined) return fail('id', 'required');
  if (typeof o.id !== 'string' || !CONFIG_ID.test(o.id)) {
    return fail('id', 'expected an identifier of 1 to 64 letters, digits, ".", "_" or "-", such as "namur-2026-05"');
  }
  const externalSharedSecrecy =
    o.externalSharedSecrecy === undefined ? 'on' : readChoice<SwitchValue>(o.externalSharedSecrecy, 'externalSharedSecrecy', SWITCH_VALUES);
  return { id: o.id, externalSharedSecrecy };
}

// fast-check arbitraries for the API fuzz test: values generated from the JSON schemas of the
// OpenAPI document (mostly plausible, so requests get past validation into the use cases and the
// database), with hostile leaves mixed in (NUL, huge, unicode, wrong types) and unknown keys.
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

export const HOSTILE_STRINGS: readonly string[] = [
  '\u0000', 'Dup\u0000ont', 'x'.repeat(100_000), '𝔇𝔲𝔭𝔬𝔫𝔱 👩‍👩‍👧 ǅ', '\u202Eevil\u202C', '\uD800broken', '../../etc/passwd', '%00%2e%2e%2f',
  "' OR '1'='1' --", '<script>alert(1)</script>', '   ', '', '١٢٣٤', '9'.repeat(40), '-1', '1e309', '2025-02-30', '9999-99-99',
  'ß'.repeat(300), '\r\n\tcontrol\u0007',
];

/** Words that our own messages contain: sent as values, finding them in a message is no echo. */
export const MESSAGE_WORDS: ReadonlySet<string> = new Set(['null', 'true', 'false', 'text', 'must', 'number', 'object']);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constant(Number.MAX_SAFE_INTEGER)) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.oneof(fc.constant([]), fc.constant({}), fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 })) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

const unknownKey = fc.constantFrom('religion', 'isAdmin', '__proto__', 'constructor', 'Diagnosis of depression', 'x'.repeat(200), 'naïve-key', '');

/** Values of known shapes the schemas cannot say (ids, national numbers): the caller supplies them. */
export interface Hints {
  readonly uuids: readonly string[];
  readonly strings: Readonly<Record<string, fc.Arbitrary<string>>>;
  readonly any: fc.Arbitrary<unknown>;
}

const isoDate = fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

function stringArbitrary(schema: JsonSchema, name: string, hints: Hints): fc.Arbitrary<string> {
  if (schema.format === 'uuid' || schema.pattern?.includes('[0-9a-fA-F]{8}')) return fc.oneof(fc.constantFrom(...hints.uuids), fc.uuid());
  if (schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return isoDate;
  const hinted = hints.strings[name];
  if (hinted) return hinted;
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  const min = schema.minLength ?? 0;
  return fc.string({ minLength: min, maxLength: Math.max(min, Math.min(schema.maxLength ?? 40, 40)), unit: 'grapheme' });
}

function typed(schema: JsonSchema, name: string, hints: Hints, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => valueOf(s, name, hints, depth)));
  if (schema.allOf?.[0]) return valueOf(schema.allOf[0], name, hints, depth);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return stringArbitrary(schema, name, hints);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valueOf(schema.items ?? {}, name, hints, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, 3) });
    case 'object':
      return objectOf(schema, hints, depth);
    default:
      return hints.any;
  }
}

/** A value for a schema: usually of its shape, sometimes a hostile one, sometimes null where allowed. */
export function valueOf(schema: JsonSchema, name: string, hints: Hints, depth = 0): fc.Arbitrary<unknown> {
  const shaped = depth > 4 ? hints.any : typed(schema, name, hints, depth);
  return fc.oneof(
    { weight: 80, arbitrary: shaped },
    { weight: 1, arbitrary: hostileValue },
    { weight: schema.nullable ? 1 : 0, arbitrary: fc.constant(null) },
  );
}

/** An object: required keys present (rarely dropped), optional ones sometimes, an unknown key rarely. */
export function objectOf(schema: JsonSchema, hints: Hints, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const entries = Object.entries(properties).map(([key, property]) =>
    fc.tuple(fc.constant(key), valueOf(property, key, hints, depth + 1), fc.integer({ min: 0, max: 39 })));
  return fc.tuple(fc.tuple(...entries), fc.oneof({ weight: 30, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(unknownKey, hostileValue) })).map(([values, extra]) => {
    const out: Record<string, unknown> = {};
    for (const [key, value, dice] of values) {
      const keep = required.has(key) ? dice !== 0 : dice % 2 === 0;
      if (keep) out[key] = value;
    }
    if (extra) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true, configurable: true, writable: true });
    return out;
  });
}

/** Every string inside a generated value, keys excluded. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/** Every enum value and bound a schema names: finding one in a message is the schema talking. */
export function schemaWords(schema: unknown): string[] {
  if (Array.isArray(schema)) return schema.flatMap(schemaWords);
  if (schema && typeof schema === 'object') {
    return Object.entries(schema).flatMap(([key, value]) =>
      key === 'enum' && Array.isArray(value) ? value.map(String) : key === 'pattern' ? [] : schemaWords(value));
  }
  return typeof schema === 'number' ? [String(schema)] : [];
}

// The type every dictionary must satisfy: exactly the keys of the French one, with a plural
// object where French has one.
import type { fr } from './fr.ts';
import type { Plural } from './types.ts';

type Reference = typeof fr;
export type Dictionary = { readonly [K in keyof Reference]: Reference[K] extends string ? string : Plural };
export type MessageKey = keyof Dictionary;
export type TextKey = { [K in MessageKey]: Dictionary[K] extends string ? K : never }[MessageKey];
export type PluralKey = Exclude<MessageKey, TextKey>;

/** A part of the French dictionary (fr-register.ts, ...) as the other languages must give it. */
export type DictionaryPart<T> = { readonly [K in keyof T]: T[K] extends string ? string : Plural };

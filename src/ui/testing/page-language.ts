// Reads a page as its reader does (the text and the spoken attributes, nothing in another
// language's element, nothing inside <code>, which shows identifiers by design) and lists what
// should never reach a French or Dutch reader: an internal camelCase key, an ISO timestamp, an
// untranslated dictionary key, an English word.
import { fr } from '../i18n/fr.ts';

export interface LanguageProblem {
  readonly kind: 'camel-case-key' | 'iso-timestamp' | 'dictionary-key' | 'english-word' | Typography;
  readonly text: string;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const SKIPPED = new Set(['script', 'style', 'code', 'svg', 'template']);
const SPOKEN_ATTRIBUTES = /\b(?:aria-label|title|alt|placeholder)="([^"]*)"/g;

const decode = (text: string) => text
  .replace(/&nbsp;/g, '\u00a0').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
  .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');

/** The text a reader of this language meets on the page: text nodes and spoken attributes. */
export function readableText(page: string, lang: string): string[] {
  const body = /<body[\s\S]*<\/body>/.exec(page)?.[0] ?? page;
  const pieces: string[] = [];
  let skipDepth = 0;
  const stack: { name: string; skips: boolean }[] = [];
  let last = 0;
  for (const tag of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>|<!--[\s\S]*?-->/g)) {
    if (skipDepth === 0) pieces.push(decode(body.slice(last, tag.index)));
    last = tag.index + tag[0].length;
    const [, closing, rawName, attributes = ''] = tag;
    if (!rawName) continue;
    const name = rawName.toLowerCase();
    if (closing) {
      const open = stack.pop();
      if (open?.skips) skipDepth -= 1;
      continue;
    }
    if (VOID.has(name) || attributes.endsWith('/')) {
      if (skipDepth === 0) for (const a of attributes.matchAll(SPOKEN_ATTRIBUTES)) pieces.push(decode(a[1]!));
      continue;
    }
    const otherLanguage = /\blang="([a-z]{2})/.exec(attributes)?.[1];
    const skips = SKIPPED.has(name) || (otherLanguage !== undefined && otherLanguage !== lang);
    if (skipDepth === 0 && !skips) for (const a of attributes.matchAll(SPOKEN_ATTRIBUTES)) pieces.push(decode(a[1]!));
    stack.push({ name, skips });
    if (skips) skipDepth += 1;
  }
  if (skipDepth === 0) pieces.push(decode(body.slice(last)));
  // Ordinary white space only: a no-break space is part of what the reader sees.
  return pieces.map((p) => p.replace(/[ \t\r\n]+/g, ' ').trim()).filter(Boolean);
}

/** Words that are English and no word of French or Dutch pages (so "date", "page", "of", "is", "status" are not here). */
export const ENGLISH_WORDS = [
  'the', 'and', 'with', 'without', 'search', 'save', 'cancel', 'submit', 'next', 'previous', 'error', 'request', 'requests',
  'view', 'settings', 'logout', 'password', 'user', 'users', 'please', 'click', 'loading', 'required', 'optional',
  'select', 'choose', 'pending', 'denied', 'allowed', 'granted', 'refused', 'signed', 'prepared', 'received', 'yes', 'not',
  'found', 'unknown', 'should', 'which', 'this', 'that', 'your', 'you', 'none', 'true', 'false', 'null', 'undefined',
  'operation', 'reason', 'policy', 'count', 'expires', 'withheld', 'read', 'update', 'create', 'delete',
] as const;

/** Names that are the same in every language (products, formats, institutions), and camelCase brands. */
export const ALLOWED = new Set(['Confiance', 'GOV.UK', 'itsme', 'eID', 'PDF', 'CSV', 'JSON', 'API', 'IBAN', 'BIC', 'NISS', 'CPAS', 'OCMW', 'ÖSHZ', 'DPO', 'OpenID']);

const DICTIONARY_FAMILIES = new Set(Object.keys(fr).map((key) => key.split('.')[0]!));
const ISO_TIMESTAMP = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g;
const CAMEL_CASE = /(?<![\p{L}\p{N}.@/_-])[a-z]+(?:[A-Z][a-z0-9]*)+(?![\p{L}\p{N}@/_-])/gu;
const DOTTED_KEY = /(?<![\p{L}\p{N}@/.-])([a-z][a-zA-Z]*)\.[a-zA-Z][\w-]*(?:\.[\w-]+)*(?![\p{L}\p{N}@/-])/gu;

type Typography = 'straight-apostrophe' | 'colon-spacing' | 'first-of-month' | 'plural-in-brackets' | 'optional-on-read-only' | 'role-breaks';

const MONTHS = 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre';
/** The typography of issue 10, per language: what each rule catches in a text of the page. */
const TYPOGRAPHY: readonly { kind: Typography; langs: readonly string[]; pattern: RegExp }[] = [
  // One apostrophe in French: the typographic ’ (an elision written with ' is a leftover).
  { kind: 'straight-apostrophe', langs: ['fr'], pattern: /(?<![\p{L}])(?:l|d|n|j|s|t|c|m|qu|jusqu|lorsqu|puisqu)'(?=\p{Ll})/gu },
  // Dutch (and German) put no space before a colon; French does.
  { kind: 'colon-spacing', langs: ['nl', 'de'], pattern: /\p{L} :(?=\s|$)/gu },
  { kind: 'first-of-month', langs: ['fr'], pattern: new RegExp(`(?<!\\d)1 (?:${MONTHS})`, 'g') },
  // Plurals go through Intl.PluralRules, never "personne(s)".
  { kind: 'plural-in-brackets', langs: ['fr', 'nl'], pattern: /\p{L}\((?:s|en)\)(?!\p{L})/gu },
];

/** A label that says "(facultatif)" where nothing can be typed: the key of a summary list or a table header. */
const READ_ONLY_OPTIONAL = /<(?:dt|th)\b[^>]*>[^<]*\((?:facultatif|niet verplicht|optioneel|freiwillig)\)/g;
/** An inclusive role name with an ordinary space next to its dot or slash can break across lines. */
const BREAKABLE_ROLE = /\p{L}[·/]\p{L}+ \p{L}+[·/]|\p{L}·\p{L}+ [a-zà-ÿ]+·/gu;

export function languageProblems(page: string, lang: 'fr' | 'nl' | 'de'): LanguageProblem[] {
  const problems: LanguageProblem[] = [];
  for (const m of page.matchAll(READ_ONLY_OPTIONAL)) problems.push({ kind: 'optional-on-read-only', text: m[0].replace(/<[^>]*>/g, '') });
  const english = new Set<string>(ENGLISH_WORDS.filter((w) => !ALLOWED.has(w)));
  for (const text of readableText(page, lang)) {
    for (const m of text.matchAll(ISO_TIMESTAMP)) problems.push({ kind: 'iso-timestamp', text: m[0] });
    for (const m of text.matchAll(CAMEL_CASE)) if (!ALLOWED.has(m[0])) problems.push({ kind: 'camel-case-key', text: m[0] });
    for (const m of text.matchAll(DOTTED_KEY)) if (DICTIONARY_FAMILIES.has(m[1]!)) problems.push({ kind: 'dictionary-key', text: m[0] });
    for (const rule of TYPOGRAPHY) if (rule.langs.includes(lang)) for (const m of text.matchAll(rule.pattern)) problems.push({ kind: rule.kind, text: m[0] });
    for (const m of text.matchAll(BREAKABLE_ROLE)) problems.push({ kind: 'role-breaks', text: m[0] });
    if (lang !== 'fr' && lang !== 'nl') continue;
    for (const word of text.split(/[^\p{L}'’-]+/u)) if (english.has(word.toLowerCase()) && !ALLOWED.has(word)) problems.push({ kind: 'english-word', text: word });
  }
  return problems;
}

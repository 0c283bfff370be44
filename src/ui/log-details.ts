// The details of an access-log entry in the reader's words. The log stores them as internal keys
// and values (`operation: read-request`, `withheldForSecrecyOfMeasure: 0`, instants in UTC); the
// DPO reads a label per key, a label per known value, numbers and times in their locale and
// Brussels time, ids shortened and lists of ids counted. A key without a label is never shown:
// an internal name would leak into the page untranslated (and a future key might name more than
// its author meant to show), so it is counted as "technical details" instead; the full entry
// stays in the API and the chain. A value without a label is said to have none, for the same reason.
import { type Html, html } from './html.ts';
import type { TextKey, Translator } from './i18n/index.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const HASH = /^[0-9a-f]{40,}$/;

export const shortId = (id: string) => id.slice(0, 8);

type DetailValue = string | number | boolean | readonly string[];

/** The label families a value may belong to, most specific first: a role, a purpose, a person field, ... */
const VALUE_FAMILIES = ['role', 'purpose', 'field', 'reqState', 'letterKind', 'reqOutcome', 'reviewOutcome', 'decisionBody', 'logAction', 'logValue'] as const;

function labelOf(t: Translator, value: string): string | null {
  for (const family of VALUE_FAMILIES) {
    const key = `${family}.${value}`;
    if (t.has(key)) return t.t(key as TextKey);
  }
  return null;
}

function valueText(t: Translator, value: DetailValue): string {
  if (typeof value === 'number') return t.number(value);
  if (typeof value === 'boolean') return t.t(value ? 'logValue.yes' : 'logValue.no');
  if (Array.isArray(value)) {
    const labels = value.map((v) => labelOf(t, v));
    return labels.length > 0 && labels.every((l) => l !== null) ? labels.join(', ') : t.plural('log.ids', value.length);
  }
  const text = value as string;
  if (UUID.test(text)) return shortId(text);
  if (INSTANT.test(text)) return t.dateTime(text);
  if (DATE.test(text)) return t.date(text);
  if (HASH.test(text)) return `${text.slice(0, 12)}…`;
  return labelOf(t, text) ?? t.t('logValue.unlabelled');
}

/** One list item per labelled key, in the order of the labels; unlabelled keys counted at the end. */
export function logDetails(t: Translator, details: Readonly<Record<string, DetailValue>>): Html {
  const items: Html[] = [];
  let hidden = 0;
  for (const [key, value] of Object.entries(details)) {
    const labelKey = `logDetail.${key}`;
    if (!t.has(labelKey)) {
      hidden += 1;
      continue;
    }
    const label = t.t('log.detailLabel', { label: t.t(labelKey as TextKey) });
    const shown = key === 'request' && typeof value === 'string' && UUID.test(value)
      ? html`<a class="govuk-link" href="/requests/${value}">${shortId(value)}</a>`
      : valueText(t, value);
    items.push(html`<li>${label} ${shown}</li>`);
  }
  if (hidden > 0) items.push(html`<li class="app-meta">${t.plural('log.hiddenDetails', hidden)}</li>`);
  return items.length > 0 ? html`<ul class="govuk-list govuk-body-s app-details">${items}</ul>` : html``;
}

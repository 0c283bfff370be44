// The parts of a person's file, each tied to the data classes it shows. A section whose classes
// were withheld says so in words that do not depend on the data: the same sentence whether the
// file holds ten social reports or none, so a withheld class leaks neither content nor count.
import type { OpenedSecretRecord } from '../../app/open-person-file.ts';
import type { PersonFile } from '../../app/open-person-file.ts';
import { type ItemCategory, tierOf } from '../../domain/data-classes.ts';
import { RECORD_GROUNDS, type RecordGround } from '../../domain/guide/disclosure-record.ts';
import type { SecretRecordKindName } from '../../domain/secret-records.ts';
import { summaryList, table } from '../components.ts';
import { declarationRows } from './application-form.ts';
import { formatIban, formatNiss } from '../format.ts';
import { type Html, html, join } from '../html.ts';
import { isLang, type TextKey, type Translator } from '../i18n/index.ts';

type Row = Record<string, unknown>;
const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
const rowsOf = (value: unknown): Row[] => (Array.isArray(value) ? (value as Row[]) : []);
const rowOf = (value: unknown): Row => (value && typeof value === 'object' ? (value as Row) : {});

export interface SectionContext {
  readonly t: Translator;
  readonly file: PersonFile;
  readonly authors: ReadonlyMap<string, string>;
  readonly personId: string;
}

export interface Section {
  readonly title: TextKey;
  readonly categories: readonly ItemCategory[];
  readonly render: (s: SectionContext) => Html;
}

const none = (t: Translator) => html`<p class="govuk-body">${t.t('common.none')}</p>`;
const orNone = (t: Translator, value: string) => value || t.t('common.notRecorded');
const period = (t: Translator, from: unknown, to: unknown) =>
  from ? (to ? t.t('common.fromTo', { from: t.date(text(from)), to: t.date(text(to)) }) : t.t('common.from', { from: t.date(text(from)) })) : '';

function identity({ t, file }: SectionContext): Html {
  const p = rowOf(file.administrative.identity);
  return summaryList([
    { key: t.t('field.familyName'), value: text(p.familyName) },
    { key: t.t('field.givenNames'), value: text(p.givenNames) },
    { key: t.t('field.birthDate'), value: orNone(t, t.date(text(p.birthDate))) },
    { key: t.t('field.birthPlace'), value: orNone(t, text(p.birthPlace)) },
    { key: t.t('field.sex'), value: p.sex ? t.t(`sex.${text(p.sex) as 'F' | 'M' | 'X'}`) : t.t('common.notRecorded') },
    { key: t.t('field.nationality'), value: orNone(t, t.country(text(p.nationality))) },
    { key: t.t('field.niss'), value: orNone(t, formatNiss(text(p.niss))) },
  ]);
}

function contact({ t, file }: SectionContext): Html {
  const c = rowOf(file.administrative['contact-details']);
  return summaryList([
    { key: t.t('field.phone'), value: orNone(t, text(c.phone)) },
    { key: t.t('field.email'), value: orNone(t, text(c.email)) },
  ]);
}

function payment({ t, file }: SectionContext): Html {
  return summaryList([{ key: t.t('field.iban'), value: orNone(t, formatIban(text(rowOf(file.administrative['payment-account']).iban))) }]);
}

function addresses({ t, file }: SectionContext): Html {
  const all = [...rowsOf(file.administrative['domicile-address']), ...rowsOf(file.administrative['known-addresses'])];
  if (all.length === 0) return none(t);
  return table({
    caption: t.t('section.addresses'),
    captionClass: 'govuk-visually-hidden',
    head: [t.t('field.kind'), t.t('field.address'), t.t('field.period')],
    rows: all.map((a) => [
      t.t(`addressKind.${text(a.kind) as 'domicile'}`),
      `${text(a.street)} ${text(a.houseNumber)}${a.box ? ` ${text(a.box)}` : ''}, ${text(a.postalCode)} ${text(a.municipality)}${a.country && a.country !== 'BE' ? `, ${t.country(text(a.country))}` : ''}`,
      period(t, a.validFrom, a.validTo),
    ]),
  });
}

function household({ t, file }: SectionContext): Html {
  const members = rowsOf(file.administrative['household-composition']);
  if (members.length === 0) return none(t);
  return table({
    caption: t.t('section.household'),
    captionClass: 'govuk-visually-hidden',
    head: [t.t('person.name'), t.t('field.relationship'), t.t('field.birthDate'), t.t('field.period')],
    rows: members.map((m) => [
      `${text(m.givenNames)} ${text(m.familyName)}`,
      t.t(`relationship.${text(m.relationship) as 'partner'}`),
      t.date(text(m.birthDate)),
      period(t, m.validFrom, m.validTo),
    ]),
  });
}

function applications({ t, file }: SectionContext): Html {
  const list = rowsOf(file.administrative['application-data']);
  if (list.length === 0) return none(t);
  return join(list.map((a) => {
    const communicated = declarationRows(t, text(a.kind), rowOf(a.communicated));
    return html`<h4 class="govuk-heading-s">${t.t(`applicationKind.${text(a.kind) as 'other'}`)} – ${t.date(text(a.submittedOn))}</h4>
${summaryList([
      { key: t.t('field.channel'), value: t.t(`channel.${text(a.channel) as 'desk'}`) },
      { key: t.t('field.status'), value: t.t(`status.${text(a.status) as 'received'}`) },
      ...(communicated.length > 0
        ? [{ key: t.t('field.communicated'), value: html`<ul class="govuk-list">${communicated.map(({ key, value }) => html`<li>${t.t('common.keyValue', { key, value })}</li>`)}</ul>` }]
        : []),
    ])}`;
  }));
}

function decisions({ t, file }: SectionContext): Html {
  const list = rowsOf(file.administrative['aid-decisions']);
  const motivations = new Map(rowsOf(file.administrative['decision-motivation']).map((m) => [text(m.decisionId), text(m.motivation)]));
  if (list.length === 0) return none(t);
  return join(list.map((d) => html`<h4 class="govuk-heading-s">${t.t(`outcome.${text(d.outcome) as 'granted'}`)} – ${t.date(text(d.decidedOn))}</h4>
${summaryList([
    { key: t.t('field.decisionBody'), value: t.t(`decisionBody.${text(d.body) as 'delegation'}`) },
    { key: t.t('field.amount'), value: d.amountCents == null ? t.t('common.notRecorded') : t.money(Number(d.amountCents)) },
    { key: t.t('field.period'), value: orNone(t, period(t, d.periodFrom, d.periodTo)) },
    ...(motivations.has(text(d.decisionId)) ? [{ key: t.t('field.motivation'), value: motivations.get(text(d.decisionId)) }] : []),
  ])}`));
}

function bcss({ t, file }: SectionContext): Html {
  const records = rowsOf(file.administrative['bcss-data']);
  if (records.length === 0) return none(t);
  return table({
    caption: t.t('section.bcss'),
    captionClass: 'govuk-visually-hidden',
    head: [t.t('field.receivedOn'), t.t('field.source'), t.t('field.description')],
    rows: records.map((r) => [t.date(text(r.receivedOn)), text(r.source), typeof r.content === 'string' ? r.content : JSON.stringify(r.content)]),
  });
}

function attachmentsOfTier(tier: 'administrative' | 'secret') {
  return ({ t, file, personId }: SectionContext): Html => {
    const list = file.attachments.filter((a) => tierOf(a.dataClass) === tier);
    if (list.length === 0) return none(t);
    return table({
      caption: t.t('section.attachments'),
      captionClass: 'govuk-visually-hidden',
      head: [t.t('field.fileName'), t.t('field.kind'), t.t('field.size')],
      numeric: [2],
      rows: list.map((a) => [
        html`<a class="govuk-link" href="/persons/${personId}/attachments/${a.attachmentId}">${a.fileName}</a>`,
        t.t(`category.${a.dataClass}`),
        `${t.number(Math.max(1, Math.round(a.sizeBytes / 1024)))} kB`,
      ]),
    });
  };
}

/** A secret record: its text keeps its line breaks and is marked with its own language. */
function secretRecords(kind: SecretRecordKindName, heading: TextKey, fields: readonly { field: string; label: TextKey }[], withTime = false) {
  return ({ t, file, authors }: SectionContext): Html => {
    const records: OpenedSecretRecord[] = file.secret[kind] ?? [];
    if (records.length === 0) return none(t);
    return join(records.map((r) => {
      const lang = isLang(r.language) && r.language !== t.lang ? r.language : null;
      const author = authors.get(r.authorUserId);
      return html`<article class="app-record">
  <h4 class="govuk-heading-s">${t.t(heading, { date: withTime ? t.dateTime(r.date) : t.date(r.date) })}</h4>
  ${author ? html`<p class="govuk-body-s app-meta">${t.t('file.author', { name: author })}</p>` : ''}
  ${fields.filter(({ field }) => r[field]).map(({ field, label }) => html`${fields.length > 1 ? html`<h5 class="govuk-heading-s">${t.t(label)}</h5>` : ''}
  <div class="govuk-body app-record__text"${lang ? html` lang="${lang}"` : ''}>${r[field]}</div>`)}
</article>`;
    }));
  };
}

/** What was recorded after the guide: the outcome and ground as labels, to whom and what as written. */
function guideDisclosures({ t, file, authors }: SectionContext): Html {
  const records: OpenedSecretRecord[] = file.secret['guide-disclosure'] ?? [];
  if (records.length === 0) return none(t);
  return join(records.map((r) => {
    const author = authors.get(r.authorUserId);
    const isRefusal = r.outcome === 'refusal';
    const ground = r.ground && (RECORD_GROUNDS as readonly string[]).includes(r.ground) ? t.t(`record.ground.${r.ground as RecordGround}`) : null;
    return html`<article class="app-record app-guide-record">
  <h4 class="govuk-heading-s">${t.t(isRefusal ? 'file.refusalOf' : 'file.disclosureOf', { date: t.date(r.date) })}</h4>
  ${author ? html`<p class="govuk-body-s app-meta">${t.t('file.author', { name: author })}</p>` : ''}
  ${summaryList([
    ...(ground ? [{ key: t.t('record.ground'), value: ground }] : []),
    { key: t.t('record.recipient'), value: html`<div class="app-record__text">${r.recipient ?? ''}</div>` },
    { key: t.t('record.shared'), value: html`<div class="app-record__text">${r.shared ?? ''}</div>` },
  ])}
</article>`;
  }));
}

export const ADMINISTRATIVE_SECTIONS: readonly Section[] = [
  { title: 'section.identity', categories: ['identity'], render: identity },
  { title: 'section.contact', categories: ['contact-details'], render: contact },
  { title: 'section.addresses', categories: ['domicile-address', 'known-addresses'], render: addresses },
  { title: 'section.household', categories: ['household-composition'], render: household },
  { title: 'section.applications', categories: ['application-data'], render: applications },
  { title: 'section.decisions', categories: ['aid-decisions', 'decision-motivation'], render: decisions },
  { title: 'section.payment', categories: ['payment-account'], render: payment },
  { title: 'section.bcss', categories: ['bcss-data'], render: bcss },
];

export const SOCIAL_SECTIONS: readonly Section[] = [
  { title: 'section.socialReports', categories: ['social-report', 'opinions'],
    render: secretRecords('social-report', 'file.reportOf', [{ field: 'situation', label: 'field.situation' }, { field: 'assessment', label: 'field.assessment' }]) },
  { title: 'section.caseNotes', categories: ['social-notes'], render: secretRecords('case-note', 'file.noteOf', [{ field: 'body', label: 'note.body' }], true) },
  { title: 'section.medical', categories: ['medical-data'], render: secretRecords('medical-document', 'file.medicalOf', [{ field: 'description', label: 'field.description' }]) },
  { title: 'section.piis', categories: ['piis'],
    render: secretRecords('piis', 'file.piisOf', [{ field: 'objectives', label: 'field.objectives' }, { field: 'evaluation', label: 'field.evaluation' }]) },
  { title: 'section.guideDisclosures', categories: ['social-notes'], render: guideDisclosures },
];

export const attachmentSection = (tier: 'administrative' | 'secret'): Section => ({
  title: 'section.attachments',
  // Attachments of a class the viewer may not read are never listed, not even their names.
  categories: [],
  render: attachmentsOfTier(tier),
});

// "My file": the administrative data held on the person, in plain sections. Ids are never shown.
import type { MyFile } from '../../app/citizen/read-my-file.ts';
import { insetText, summaryList, table } from '../../ui/components.ts';
import { type Html, html } from '../../ui/html.ts';
import type { CitizenDomainKey, CitizenTranslator } from '../i18n.ts';
import type { CitizenPage } from '../layout.ts';

type Row = Record<string, unknown>;
const rows = (value: unknown): Row[] => (Array.isArray(value) ? (value as Row[]) : []);
const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
const label = (t: CitizenTranslator, prefix: string, value: unknown): string => (value ? t.d(`${prefix}.${String(value)}` as CitizenDomainKey) : '');

function period(t: CitizenTranslator, from: unknown, to: unknown): string {
  if (!from) return '';
  return to ? t.t('file.fromTo', { from: t.date(text(from)), to: t.date(text(to)) }) : t.t('file.since', { date: t.date(text(from)) });
}

function section(title: string, body: Html | null, t: CitizenTranslator): Html {
  return html`<h2 class="govuk-heading-m">${title}</h2>${body ?? html`<p class="govuk-body">${t.t('file.nothing')}</p>`}`;
}

function identity(t: CitizenTranslator, file: MyFile): Html | null {
  const p = file.identity as Row | undefined;
  if (!p) return null;
  return summaryList([
    { key: t.t('file.familyName'), value: text(p.familyName) },
    { key: t.t('file.givenNames'), value: text(p.givenNames) },
    { key: t.t('file.birthDate'), value: t.date(text(p.birthDate)) },
    { key: t.t('file.birthPlace'), value: text(p.birthPlace) },
    { key: t.t('file.sex'), value: label(t, 'sex', p.sex) },
    { key: t.t('file.nationality'), value: t.country(text(p.nationality)) },
    { key: t.t('file.niss'), value: text(p.niss) },
  ]);
}

function addresses(t: CitizenTranslator, file: MyFile): Html | null {
  const all = [...rows(file['domicile-address']), ...rows(file['known-addresses'])];
  if (all.length === 0) return null;
  return table({
    caption: t.t('file.addresses'), captionClass: 'govuk-visually-hidden', head: [t.t('file.kind'), t.t('file.address'), t.t('file.period')],
    rows: all.map((a) => [label(t, 'addressKind', a.kind), `${text(a.street)} ${text(a.houseNumber)}${a.box ? ` bte ${text(a.box)}` : ''}, ${text(a.postalCode)} ${text(a.municipality)}`, period(t, a.validFrom, a.validTo)]),
  });
}

function household(t: CitizenTranslator, file: MyFile): Html | null {
  const members = rows(file['household-composition']);
  if (members.length === 0) return null;
  return table({
    caption: t.t('file.household'), captionClass: 'govuk-visually-hidden', head: [t.t('file.name'), t.t('file.relationship'), t.t('file.birthDate')],
    rows: members.map((m) => [`${text(m.givenNames)} ${text(m.familyName)}`, label(t, 'relationship', m.relationship), t.date(text(m.birthDate))]),
  });
}

function contact(t: CitizenTranslator, file: MyFile): Html | null {
  const c = file['contact-details'] as Row | undefined;
  const p = file['payment-account'] as Row | undefined;
  if (!c && !p) return null;
  return summaryList([
    { key: t.t('file.phone'), value: text(c?.phone) },
    { key: t.t('file.email'), value: text(c?.email) },
    { key: `${t.t('file.payment')} (${t.t('file.iban')})`, value: text(p?.iban) },
  ]);
}

function applications(t: CitizenTranslator, file: MyFile): Html | null {
  const list = rows(file['application-data']);
  if (list.length === 0) return null;
  return table({
    caption: t.t('file.applications'), captionClass: 'govuk-visually-hidden', head: [t.t('file.application'), t.t('file.submittedOn'), t.t('file.state')],
    rows: list.map((a) => [label(t, 'applicationKind', a.kind), t.date(text(a.submittedOn)), label(t, 'status', a.status)]),
  });
}

function decisions(t: CitizenTranslator, file: MyFile): Html | null {
  const list = rows(file['aid-decisions']);
  if (list.length === 0) return null;
  return table({
    caption: t.t('file.decisions'), captionClass: 'govuk-visually-hidden',
    head: [t.t('file.decidedOn'), t.t('file.decidedBy'), t.t('file.outcome'), t.t('file.amount'), t.t('file.decisionPeriod')],
    numeric: [3],
    rows: list.map((d) => [t.date(text(d.decidedOn)), label(t, 'decisionBody', d.body), label(t, 'outcome', d.outcome),
      typeof d.amountCents === 'number' ? t.money(d.amountCents) : '', period(t, d.periodFrom, d.periodTo)]),
  });
}

export function myFilePage(t: CitizenTranslator, file: MyFile): CitizenPage {
  return {
    title: t.t('file.title'),
    nav: 'file',
    content: html`<h1 class="govuk-heading-l">${t.t('file.title')}</h1>
<p class="govuk-body">${t.t('file.intro')}</p>
${insetText(t.t('file.logged'))}
${section(t.t('file.identity'), identity(t, file), t)}
${section(t.t('file.addresses'), addresses(t, file), t)}
${section(t.t('file.household'), household(t, file), t)}
${section(t.t('file.contact'), contact(t, file), t)}
${section(t.t('file.applications'), applications(t, file), t)}
${section(t.t('file.decisions'), decisions(t, file), t)}`,
  };
}

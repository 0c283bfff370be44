import { table } from '../components.ts';
import { html } from '../html.ts';
import type { Translator } from '../i18n/index.ts';
import type { Page } from '../layout.ts';

export interface CaseloadRow {
  readonly personId: string;
  readonly familyName: string;
  readonly givenNames: string;
  readonly birthDate: string | null;
  readonly assignedFrom: string;
}

export function caseloadPage(t: Translator, rows: readonly CaseloadRow[]): Page {
  const body = rows.length === 0
    ? html`<p class="govuk-body">${t.t('caseload.empty')}</p>`
    : table({
      caption: t.plural('caseload.count', rows.length),
      head: [t.t('person.name'), t.t('person.birthDate'), t.t('caseload.assignedFrom')],
      // The link leads to the purpose question, never straight into the file.
      rows: rows.map((r) => [
        html`<a class="govuk-link" href="/persons/${r.personId}">${r.familyName}, ${r.givenNames}</a>`,
        t.date(r.birthDate),
        t.date(r.assignedFrom),
      ]),
    });
  return {
    title: t.t('caseload.title'),
    nav: 'caseload',
    content: html`<h1 class="govuk-heading-l">${t.t('caseload.title')}</h1>
<p class="govuk-body">${t.t('caseload.intro')}</p>
${body}`,
  };
}

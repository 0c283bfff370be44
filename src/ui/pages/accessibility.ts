// The accessibility statement required of public bodies (directive (EU) 2016/2102 as transposed
// in Belgium): conformance status, what is not accessible, how to report a problem, and the
// complaint route up to the competent ombudsman. docs/accessibility.md keeps the same text.
import { html } from '../html.ts';
import type { Translator } from '../i18n/index.ts';
import type { Page } from '../layout.ts';
import type { Region, ViewerProfile } from '../profile.ts';

/** Date of the last review of the statement (docs/accessibility.md). */
export const STATEMENT_DATE = '2026-11-28';
const REGIONS: readonly Region[] = ['wallonie', 'bruxelles', 'vlaanderen', 'ostbelgien'];

export function accessibilityPage(t: Translator, profile: ViewerProfile | null): Page {
  const cpas = profile?.cpas;
  const contact = cpas
    ? html`<ul class="govuk-list">
  <li>${cpas.name}</li>
  <li>${cpas.street}, ${cpas.postalCode} ${cpas.municipality}</li>
  ${cpas.phone ? html`<li>${t.t('field.phone')}${t.t('common.labelSeparator')}<a class="govuk-link" href="tel:${cpas.phone.replace(/[^\d+]/g, '')}">${cpas.phone}</a></li>` : ''}
  ${cpas.email ? html`<li>${t.t('field.email')}${t.t('common.labelSeparator')}<a class="govuk-link" href="mailto:${cpas.email}">${cpas.email}</a></li>` : ''}
</ul>`
    : html`<p class="govuk-body">${t.t('a11y.contactUnknown')}</p>`;
  // The viewer's own region first: that is the ombudsman who is competent for them.
  const regions = cpas ? [cpas.region, ...REGIONS.filter((r) => r !== cpas.region)] : REGIONS;
  return {
    title: t.t('a11y.title'),
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-l">${t.t('a11y.title')}</h1>
<p class="govuk-body">${t.t('a11y.intro', { theCpas: t.cpas(cpas?.name ?? 'Confiance', 'subject') })}</p>
<p class="govuk-body">${t.t('a11y.scope')}</p>
<h2 class="govuk-heading-m">${t.t('a11y.statusHeading')}</h2>
<p class="govuk-body">${t.t('a11y.status')}</p>
<h2 class="govuk-heading-m">${t.t('a11y.limitsHeading')}</h2>
<ul class="govuk-list govuk-list--bullet">
  <li>${t.t('a11y.limit.screenReaders')}</li>
  <li>${t.t('a11y.limit.userText')}</li>
  <li>${t.t('a11y.limit.german')}</li>
</ul>
<h2 class="govuk-heading-m">${t.t('a11y.methodHeading')}</h2>
<p class="govuk-body">${t.t('a11y.method')}</p>
<h2 class="govuk-heading-m">${t.t('a11y.contactHeading')}</h2>
<p class="govuk-body">${t.t('a11y.contact')}</p>
${contact}
<h2 class="govuk-heading-m">${t.t('a11y.complaintHeading')}</h2>
<p class="govuk-body">${t.t('a11y.complaint')}</p>
<p class="govuk-body">${t.t('a11y.ombudsmanIntro')}</p>
<ul class="govuk-list govuk-list--bullet">${regions.map((r) => html`<li>${t.t(`a11y.ombudsman.${r}`)}</li>`)}</ul>
<p class="govuk-body">${t.t('a11y.monitoring')}</p>
<h2 class="govuk-heading-m">${t.t('a11y.preparedHeading')}</h2>
<p class="govuk-body">${t.t('a11y.prepared', { date: t.date(STATEMENT_DATE) })}</p>
</div></div>`,
  };
}

// "What my CPAS may and may not share": the same for everyone (no personal data), in a full and
// an easy-to-read version, in the portal's four languages.
import { deSharing } from '../../ui/i18n/de-citizen-sharing.ts';
import { enSharing } from '../../ui/i18n/en-citizen-sharing.ts';
import { frSharing } from '../../ui/i18n/fr-citizen-sharing.ts';
import { nlSharing } from '../../ui/i18n/nl-citizen-sharing.ts';
import type { SharingTexts } from '../../ui/i18n/citizen-sharing.ts';
import { html } from '../../ui/html.ts';
import type { CitizenLang, CitizenTranslator } from '../i18n.ts';
import type { CitizenPage } from '../layout.ts';

const TEXTS: Record<CitizenLang, SharingTexts> = { fr: frSharing, nl: nlSharing, de: deSharing, en: enSharing };

export function sharingPage(t: CitizenTranslator, dpoContact: string, easy: boolean): CitizenPage {
  const s = TEXTS[t.lang];
  const fill = (text: string) => text.replace('{dpo}', dpoContact);
  if (easy) {
    return {
      title: s.easyTitle,
      nav: 'sharing',
      content: html`<h1 class="govuk-heading-l">${s.easyTitle}</h1>
<ul class="govuk-list app-easy-read">${s.easy.map((line) => html`<li class="govuk-body-l">${fill(line)}</li>`)}</ul>
<p class="govuk-body"><a class="govuk-link" href="/citizen/sharing">${s.fullLink}</a></p>`,
    };
  }
  return {
    title: s.title,
    nav: 'sharing',
    content: html`<h1 class="govuk-heading-l">${s.title}</h1>
<p class="govuk-body-l">${s.intro}</p>
<p class="govuk-body"><a class="govuk-link" href="/citizen/sharing/easy">${s.easyLink}</a></p>
${s.sections.map((section) => html`<h2 class="govuk-heading-m">${section.heading}</h2>${section.paragraphs.map((p) => html`<p class="govuk-body">${fill(p)}</p>`)}`)}
<h2 class="govuk-heading-m">${s.complaintHeading}</h2>
${s.complaint.map((p) => html`<p class="govuk-body">${p}</p>`)}`,
  };
}

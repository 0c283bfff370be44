// The portal's home page once logged in: the same four entries for everyone, known to the CPAS or not.
import { html } from '../../ui/html.ts';
import type { CitizenTranslator } from '../i18n.ts';
import type { CitizenPage } from '../layout.ts';

export function homePage(t: CitizenTranslator): CitizenPage {
  const entries = [
    ['/citizen/file', 'nav.file', 'home.file'],
    ['/citizen/accesses', 'nav.accesses', 'home.accesses'],
    ['/citizen/sharing', 'nav.sharing', 'home.sharing'],
    ['/citizen/requests', 'nav.requests', 'home.requests'],
  ] as const;
  return {
    title: t.t('home.title'),
    nav: 'home',
    content: html`<h1 class="govuk-heading-l">${t.t('home.title')}</h1>
<p class="govuk-body-l">${t.t('home.intro')}</p>
${entries.map(([href, label, text]) => html`<h2 class="govuk-heading-m"><a class="govuk-link" href="${href}">${t.t(label)}</a></h2>
<p class="govuk-body">${t.t(text)}</p>`)}`,
  };
}

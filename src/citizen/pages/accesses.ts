// "Who consulted my file": newest first, date, who (role and service; name if the CPAS shows it),
// what and why; emergency (break-glass) accesses and refusals marked.
import type { MyAccess } from '../../app/citizen/my-access-history.ts';
import { insetText, linkButton, table, tag } from '../../ui/components.ts';
import { html } from '../../ui/html.ts';
import type { CitizenDomainKey, CitizenTextKey, CitizenTranslator } from '../i18n.ts';
import type { CitizenPage } from '../layout.ts';

/** The service a role belongs to: staff records carry roles, and a role says which service acts. */
const SERVICE_OF: Readonly<Record<string, CitizenTextKey>> = {
  'social-worker': 'service.social',
  'head-of-social-service': 'service.social',
  'administrative-agent': 'service.administration',
  'directeur-general': 'service.direction',
  president: 'service.council',
  'council-member': 'service.council',
  dpo: 'service.control',
  'it-admin': 'service.control',
};

/** One access as plain strings: shared by the page and the PDF. */
export function describeAccess(t: CitizenTranslator, a: MyAccess): { when: string; who: string; what: string; why: string; marks: string[] } {
  let who: string;
  if (a.by.kind === 'self') who = t.t('accesses.you');
  else if (a.by.kind === 'system') who = t.t('accesses.system');
  else {
    const roles = a.by.roles.map((r) => `${t.d(`role.${r}` as CitizenDomainKey)} (${t.t(SERVICE_OF[r] ?? 'service.administration')})`).join(', ');
    who = a.by.name ? `${a.by.name}, ${roles}` : roles;
  }
  const marks = [...(a.emergencyAccess ? [t.t('accesses.emergency')] : []), ...(a.denied ? [t.t('accesses.denied')] : [])];
  return { when: t.dateTime(a.at), who, what: t.d(`historyAction.${a.action}` as CitizenDomainKey), why: t.d(`purpose.${a.purpose}` as CitizenDomainKey), marks };
}

export function accessesPage(t: CitizenTranslator, accesses: readonly MyAccess[], showStaffNames: boolean): CitizenPage {
  const list = accesses.map((a) => describeAccess(t, a));
  return {
    title: t.t('accesses.title'),
    nav: 'accesses',
    content: html`<h1 class="govuk-heading-l">${t.t('accesses.title')}</h1>
<p class="govuk-body">${t.t('accesses.intro')}</p>
<p class="govuk-body">${t.t(showStaffNames ? 'accesses.namesShown' : 'accesses.namesHidden')}</p>
${insetText(t.t('accesses.secrecy'))}
${linkButton('/citizen/accesses.pdf', t.t('accesses.pdf'), true)}
${list.length === 0
    ? html`<p class="govuk-body">${t.t('accesses.none')}</p>`
    : table({
      caption: t.plural('accesses.count', list.length),
      head: [t.t('accesses.when'), t.t('accesses.who'), t.t('accesses.what'), t.t('accesses.why')],
      rows: list.map((a) => [a.when, a.who, html`${a.what}${a.marks.map((m) => html` ${tag(m, m === t.t('accesses.emergency') ? 'orange' : 'red')}`)}`, a.why]),
    })}`,
  };
}

import type { PersonFile } from '../../app/open-person-file.ts';
import type { ItemCategory } from '../../domain/data-classes.ts';
import type { Role } from '../../domain/roles.ts';
import { tierOf } from '../../domain/data-classes.ts';
import { allowsSecretAccess, mayPerform } from '../../domain/access-policy.ts';
import { insetText, linkButton, warningText } from '../components.ts';
import { personName } from '../format.ts';
import { type Html, html, join } from '../html.ts';
import type { Translator } from '../i18n/index.ts';
import type { Page } from '../layout.ts';
import { ADMINISTRATIVE_SECTIONS, attachmentSection, type Section, type SectionContext, SOCIAL_SECTIONS } from './file-sections.ts';

export interface FileView {
  readonly file: PersonFile;
  readonly authors: ReadonlyMap<string, string>;
  readonly saved: 'report' | 'note' | 'emergency' | 'disclosure' | 'rights-request' | 'application' | null;
  /** The desk may record a data-protection rights request the person makes in person. */
  readonly deskRequestLink: boolean;
  /** The viewer may record an application on this file (the policy lets their roles write its administrative part). */
  readonly applicationLink: boolean;
  /** The viewer may break the glass on this file: not on the case, a purpose of case work, a role of the social service. */
  readonly emergencyOffer: boolean;
  /** Read under break-glass: until when, if this session opened the grant. */
  readonly emergencyUntil: Date | null;
  /** The viewer may print "who consulted this file" for the person. */
  readonly historyLink: boolean;
  /** The viewer's role proposes cases to the council (the placement page checks the case itself). */
  readonly agendaLink?: boolean;
}

type Withheld = PersonFile['withheld'][number];

function withheldNotice(t: Translator, section: Section, withheld: readonly Withheld[]): Html {
  const lines = withheld.map((w) => {
    const text = w.reason === 'purpose' ? t.t('file.notAccessiblePurpose') : t.t('file.notAccessible');
    // One class in the section: the heading names it. Several: say which one is closed.
    return section.categories.length > 1 ? t.t('common.keyValue', { key: t.t(`category.${w.category}`), value: text }) : text;
  });
  return join(lines.map((line) => html`<p class="govuk-body app-withheld">${line}</p>`));
}

function renderSection(s: SectionContext, section: Section, headingId: string): Html {
  const withheld = s.file.withheld.filter((w) => section.categories.includes(w.category));
  const opened = section.categories.length === 0 || section.categories.some((c) => !withheld.some((w) => w.category === c));
  return html`<section aria-labelledby="${headingId}">
  <h3 class="govuk-heading-m" id="${headingId}">${s.t.t(section.title)}</h3>
  ${withheld.length > 0 ? withheldNotice(s.t, section, withheld) : ''}
  ${opened ? section.render(s) : ''}
</section>`;
}

const isWithheld = (file: PersonFile, category: ItemCategory) => file.withheld.some((w) => w.category === category);

/** Writing goes to the worker on the case; break-glass opens reading only. */
export const maySeeSocialWriting = (file: PersonFile): boolean =>
  !isWithheld(file, 'social-report') && !isWithheld(file, 'social-notes') && file.rule !== 'break-glass';

/**
 * Placed above the social part, not in it: the offer depends only on the viewer's role and their
 * relation to the case, so the social part itself still reads the same whatever the file holds.
 */
const emergencyOffer = (t: Translator, personId: string): Html => html`<div class="govuk-inset-text app-emergency-offer">
  <p class="govuk-body">${t.t('file.emergencyOffer')}</p>
  ${linkButton(`/persons/${personId}/break-glass`, t.t('file.emergencyButton'), true)}
</div>`;

/** Whether the viewer could break the glass here: a role that may, a purpose of case work, the social part closed by the policy. */
export function mayOfferEmergency(file: PersonFile, roles: readonly Role[]): boolean {
  return file.rule !== 'break-glass'
    && allowsSecretAccess(file.purpose)
    && mayPerform(roles, 'break-glass')
    && SOCIAL_SECTIONS.flatMap((s) => s.categories).some((c) => file.withheld.some((w) => w.category === c && w.reason !== 'purpose'));
}

export function personFilePage(t: Translator, view: FileView): Page {
  const { file } = view;
  const s: SectionContext = { t, file, authors: view.authors, personId: file.personId };
  const identity = file.administrative.identity as { familyName?: string; givenNames?: string } | undefined;
  const title = identity?.familyName ? t.t('file.title', { name: personName({ familyName: identity.familyName, givenNames: identity.givenNames ?? '' }) }) : t.t('file.titleNoName');
  const socialOpen = SOCIAL_SECTIONS.some((section) => section.categories.some((c) => !isWithheld(file, c)));
  const hasAttachments = (tier: 'administrative' | 'secret') => file.attachments.some((a) => tierOf(a.dataClass) === tier);
  const admin = [...ADMINISTRATIVE_SECTIONS, ...(hasAttachments('administrative') ? [attachmentSection('administrative')] : [])];
  const social = [...SOCIAL_SECTIONS, ...(socialOpen && hasAttachments('secret') ? [attachmentSection('secret')] : [])];
  return {
    title,
    banner: view.saved ? { title: t.t('common.success'), text: t.t(`file.saved.${view.saved}`), success: true } : null,
    content: html`<h1 class="govuk-heading-l">${title}</h1>
<p class="govuk-body">${t.t('purpose.current', { purpose: t.t(`purpose.${file.purpose}`) })} <a class="govuk-link" href="/persons/${file.personId}/purpose">${t.t('purpose.change')}</a></p>
${file.rule === 'break-glass'
      ? html`<div class="app-emergency">${warningText(view.emergencyUntil ? t.t('file.emergencyUntil', { time: t.dateTime(view.emergencyUntil) }) : t.t('file.emergency'), t.t('common.important'))}</div>`
      : insetText(t.t('file.logged'))}
${view.emergencyOffer ? emergencyOffer(t, file.personId) : ''}
${view.historyLink ? html`<p class="govuk-body"><a class="govuk-link" href="/persons/${file.personId}/access-history">${t.t('file.history')}</a></p>` : ''}
${view.deskRequestLink ? html`<p class="govuk-body"><a class="govuk-link" href="/persons/${file.personId}/rights-requests/new">${t.t('rights.deskLink')}</a></p>` : ''}
<p class="govuk-body"><a class="govuk-link" href="/persons/${file.personId}/guide">${t.t('file.guide')}</a></p>
${view.agendaLink ? html`<p class="govuk-body"><a class="govuk-link" href="/persons/${file.personId}/agenda">${t.t('placement.link')}</a></p>` : ''}
<h2 class="govuk-heading-l">${t.t('file.administrative')}</h2>
${admin.map((section, i) => renderSection(s, section, `admin-${i}`))}
${view.applicationLink ? html`<div class="govuk-button-group">${linkButton(`/persons/${file.personId}/applications/new`, t.t('application.add'), true)}</div>` : ''}
<div class="app-social">
  <h2 class="govuk-heading-l">${t.t('file.social')}</h2>
  <p class="govuk-body">${t.t('file.socialIntro')}</p>
  ${maySeeSocialWriting(file)
    ? html`<div class="govuk-button-group">${linkButton(`/persons/${file.personId}/social-reports/new`, t.t('file.writeReport'))}${linkButton(`/persons/${file.personId}/case-notes/new`, t.t('file.writeNote'), true)}</div>`
    : ''}
  ${social.map((section, i) => renderSection(s, section, `social-${i}`))}
</div>`,
  };
}

// The register of authority requests (art. 46bis/1 CIC): the list with states and due dates, the
// overdue list, and the intake of a request, by a member of the register or by anyone else who
// received one and forwards it (and then loses sight of it). The list counts the persons a request
// names; it never names them.
import type { RegisterLine } from '../../app/requests/list-register.ts';
import { AUTHOR_ROLES, CHANNELS } from '../../domain/requests/assess.ts';
import { ITEM_CATEGORIES } from '../../domain/requests/items.ts';
import {
  button, checkboxes, csrfField, type DateParts, dateInput, errorSummary, type FieldErrors, fileUpload, input, insetText, linkButton,
  panel, radios, table, tag, textarea, warningText,
} from '../components.ts';
import { type Html, html } from '../html.ts';
import type { Translator } from '../i18n/index.ts';
import type { Page } from '../layout.ts';
import { authorText, dueDate, requestTitle, stateTag } from './request-parts.ts';

export interface RegisterListView {
  readonly lines: readonly RegisterLine[];
  readonly overdueOnly: boolean;
  /** How many are overdue (shown on the full list, as a way to the overdue list). */
  readonly overdueCount: number;
  /** The viewer may read the yearly statistics (not a delegate). */
  readonly statistics: boolean;
  /** The viewer may delegate the register (directeur général, président). */
  readonly delegations: boolean;
  /** The register's notices for the viewer since their last visit (shown once). */
  readonly notices: readonly { readonly kind: string; readonly referenceId: string; readonly createdAt: Date }[];
}

/** The register's views: all requests, the overdue ones, and the yearly statistics for those who may read them. */
export const registerSubNavigation = (t: Translator, current: 'all' | 'overdue' | 'statistics' | 'delegations' | 'settings', statistics: boolean, delegations = false) => {
  const item = (href: string, text: string, here: boolean) => here
    ? html`<li class="app-subnav__item"><a class="govuk-link app-subnav__link" href="${href}" aria-current="page">${text}</a></li>`
    : html`<li class="app-subnav__item"><a class="govuk-link app-subnav__link" href="${href}">${text}</a></li>`;
  return html`<nav class="app-subnav" aria-label="${t.t('register.views')}"><ul class="app-subnav__list">
  ${item('/requests', t.t('register.all'), current === 'all')}${item('/requests/overdue', t.t('register.overdueView'), current === 'overdue')}${statistics ? item('/requests/statistics', t.t('register.statisticsView'), current === 'statistics') : ''}${delegations ? item('/requests/delegates', t.t('register.delegationsView'), current === 'delegations') : ''}${item('/requests/settings', t.t('register.settingsView'), current === 'settings')}
</ul></nav>`;
};

export function registerPage(t: Translator, view: RegisterListView): Page {
  const title = view.overdueOnly ? t.t('register.overdueTitle') : t.t('register.title');
  const list = view.lines.length === 0
    ? html`<p class="govuk-body">${view.overdueOnly ? t.t('register.noneOverdue') : t.t('register.empty')}</p>`
    : table({
      caption: t.plural('register.count', view.lines.length),
      head: [t.t('register.request'), t.t('register.author'), t.t('register.received'), t.t('register.persons'), t.t('register.state'), t.t('register.due')],
      numeric: [3],
      rows: view.lines.map((line) => [
        html`<a class="govuk-link" href="/requests/${line.requestId}">${requestTitle(t, line)}</a>${line.kind === 'oral-attempt' ? html`<br><span class="govuk-body-s app-meta">${t.t('register.oralAttempt')}</span>` : ''}`,
        authorText(t, { role: line.authorRole, name: null, office: line.authorOffice }),
        t.date(line.received),
        t.number(line.subjects),
        stateTag(t, line.state),
        dueDate(t, line.dueOn, line.overdue),
      ]),
    });
  return {
    title,
    nav: 'register',
    content: html`<h1 class="govuk-heading-l">${title}</h1>
<p class="govuk-body">${t.t('register.intro')}</p>
${warningText(t.t('register.secrecy'), t.t('common.important'))}
${view.notices.length > 0
      ? html`<div class="govuk-inset-text" id="register-notices"><h2 class="govuk-heading-s">${t.t('register.noticesTitle')}</h2><ul class="govuk-list">${view.notices.map((n) => html`<li>${t.t(`register.notice.${n.kind}` as 'register.notice.register-new-request')}, ${t.dateTime(n.createdAt)}: <a class="govuk-link" href="/requests/${n.referenceId}">${t.t('register.noticeOpen')}</a></li>`)}</ul></div>`
      : ''}
${!view.overdueOnly && view.overdueCount > 0
      ? html`<div class="govuk-inset-text app-inset-alert"><p class="govuk-body">${tag(t.t('req.overdue'), 'red')} ${t.plural('register.overdueNotice', view.overdueCount)} <a class="govuk-link" href="/requests/overdue">${t.t('register.overdueLink')}</a></p></div>`
      : ''}
${linkButton('/requests/new', t.t('register.record'))}
${registerSubNavigation(t, view.overdueOnly ? 'overdue' : 'all', view.statistics, view.delegations)}
${list}`,
  };
}

export interface SubjectValues {
  readonly niss: string;
  readonly name: string;
  readonly birthDate: DateParts;
}

export interface IntakeValues {
  readonly authorRole: string;
  readonly authorName: string;
  readonly authorOffice: string;
  readonly channel: string;
  readonly dated: DateParts;
  readonly received: DateParts;
  readonly reference: string;
  readonly answerBy: DateParts;
  readonly reasoned: string;
  readonly reasonsText: string;
  readonly offences: string;
  /** '1867', '2024', or '' when the request does not say which Code pénal it cites. */
  readonly offenceCode: string;
  readonly subjects: readonly SubjectValues[];
  readonly items: readonly string[];
}

/** Persons a request can name in the form; a request naming more is recorded through the API. */
export const SUBJECT_SLOTS = 3;

export const emptySubject = (): SubjectValues => ({ niss: '', name: '', birthDate: { day: '', month: '', year: '' } });

export interface IntakeView {
  readonly csrfToken: string;
  /** A member of the register records; anyone else forwards, and is told they will not see it again. */
  readonly forwarding: boolean;
  /** The id of a request returned for completion: the form then records the authority's completion of it. */
  readonly completionOf?: string;
  readonly values: IntakeValues;
  readonly errors: FieldErrors;
}

export function intakePage(t: Translator, view: IntakeView): Page {
  const errorPrefix = t.t('title.error');
  const { values, errors } = view;
  const dateLabels = { day: t.t('date.day'), month: t.t('date.month'), year: t.t('date.year') };
  const completing = view.completionOf !== undefined;
  const title = completing ? t.t('intake.completeTitle') : view.forwarding ? t.t('intake.forwardTitle') : t.t('intake.title');
  const back = completing ? `/requests/${view.completionOf}` : '/requests';
  const subject = (s: SubjectValues, i: number): Html => {
    const id = `subject${i + 1}`;
    return html`<fieldset class="govuk-fieldset app-subject">
  <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${t.t('intake.subject', { n: i + 1 })}</legend>
  ${input({ id: `${id}-niss`, name: `${id}-niss`, label: t.t('intake.subjectNiss'), value: s.niss, error: errors[`${id}-niss`]?.message, errorPrefix, inputmode: 'numeric', spellcheck: false, width: '20', autocomplete: 'off' })}
  ${input({ id: `${id}-name`, name: `${id}-name`, label: t.t('intake.subjectName'), value: s.name, error: errors[`${id}-name`]?.message, errorPrefix, spellcheck: false, autocomplete: 'off' })}
  ${dateInput({ id: `${id}-birthDate`, name: `${id}-birthDate`, legend: t.t('intake.subjectBirthDate'), value: s.birthDate, error: errors[`${id}-birthDate`]?.message, errorPrefix, labels: dateLabels })}
</fieldset>`;
  };
  return {
    title,
    nav: view.forwarding ? 'forward' : 'register',
    hasErrors: Object.keys(errors).length > 0,
    beforeContent: view.forwarding ? undefined : html`<a href="${back}" class="govuk-back-link">${t.t('common.back')}</a>`,
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  ${errorSummary(t.t('common.errorSummary'), errors)}
  <h1 class="govuk-heading-l">${title}</h1>
  <p class="govuk-body">${completing ? t.t('intake.completeIntro') : view.forwarding ? t.t('intake.forwardIntro') : t.t('intake.intro')}</p>
  ${view.forwarding ? warningText(t.t('intake.forwardWarning'), t.t('common.important')) : ''}
  ${insetText(t.t(completing ? 'intake.completeWritten' : 'intake.oral'))}
  <form method="post" action="${completing ? `/requests/${view.completionOf}/completion` : '/requests'}" enctype="multipart/form-data" novalidate>
    ${csrfField(view.csrfToken)}
    <h2 class="govuk-heading-m">${t.t('intake.authoritySection')}</h2>
    ${radios({ id: 'authorRole', name: 'authorRole', legend: t.t('intake.authorRole'), items: AUTHOR_ROLES.map((r) => ({ value: r, text: t.t(`authorRole.${r}`) })), value: values.authorRole, error: errors.authorRole?.message, errorPrefix, small: true })}
    ${input({ id: 'authorName', name: 'authorName', label: t.t('intake.authorName'), hint: t.t('intake.optionalHint'), value: values.authorName, error: errors.authorName?.message, errorPrefix, autocomplete: 'off' })}
    ${input({ id: 'authorOffice', name: 'authorOffice', label: t.t('intake.authorOffice'), hint: t.t('intake.authorOfficeHint'), value: values.authorOffice, error: errors.authorOffice?.message, errorPrefix, autocomplete: 'off' })}
    ${radios({ id: 'channel', name: 'channel', legend: t.t('intake.channel'), items: CHANNELS.map((c) => ({ value: c, text: t.t(`reqChannel.${c}`) })), value: values.channel, error: errors.channel?.message, errorPrefix, small: true })}
    <h2 class="govuk-heading-m">${t.t('intake.letterSection')}</h2>
    ${dateInput({ id: 'dated', name: 'dated', legend: t.t('intake.dated'), hint: t.t('intake.datedHint'), value: values.dated, error: errors.dated?.message, errorPrefix, labels: dateLabels })}
    ${dateInput({ id: 'received', name: 'received', legend: t.t('intake.received'), value: values.received, error: errors.received?.message, errorPrefix, labels: dateLabels })}
    ${input({ id: 'reference', name: 'reference', label: t.t('intake.reference'), hint: t.t('intake.optionalHint'), value: values.reference, error: errors.reference?.message, errorPrefix, spellcheck: false, width: '20', autocomplete: 'off' })}
    ${dateInput({ id: 'answerBy', name: 'answerBy', legend: t.t('intake.answerBy'), hint: t.t('intake.answerByHint'), value: values.answerBy, error: errors.answerBy?.message, errorPrefix, labels: dateLabels })}
    ${radios({ id: 'reasoned', name: 'reasoned', legend: t.t('intake.reasoned'), hint: t.t('intake.reasonedHint'), items: [{ value: 'yes', text: t.t('common.yes') }, { value: 'no', text: t.t('common.no') }], value: values.reasoned, error: errors.reasoned?.message, errorPrefix, small: true })}
    ${textarea({ id: 'reasonsText', name: 'reasonsText', label: t.t('intake.reasonsText'), hint: t.t('intake.reasonsTextHint'), value: values.reasonsText, error: errors.reasonsText?.message, errorPrefix, rows: 5 })}
    ${input({ id: 'offences', name: 'offences', label: t.t('intake.offences'), hint: t.t('intake.offencesHint'), value: values.offences, error: errors.offences?.message, errorPrefix, spellcheck: false, autocomplete: 'off' })}
    ${radios({ id: 'offenceCode', name: 'offenceCode', legend: t.t('intake.offenceCode'), hint: t.t('intake.offenceCodeHint'), items: [{ value: '1867', text: t.t('intake.offenceCode.1867') }, { value: '2024', text: t.t('intake.offenceCode.2024') }, { value: 'unsaid', text: t.t('intake.offenceCode.unsaid') }], value: values.offenceCode, error: errors.offenceCode?.message, errorPrefix, small: true })}
    <h2 class="govuk-heading-m">${t.t('intake.subjectsSection')}</h2>
    <p class="govuk-body">${t.t('intake.subjectsHint')}</p>
    ${values.subjects.map(subject)}
    ${checkboxes({ id: 'items', name: 'items', legend: t.t('intake.items'), hint: t.t('intake.itemsHint'), items: ITEM_CATEGORIES.map((c) => ({ value: c, text: t.t(`category.${c}`) })), values: values.items, error: errors.items?.message, errorPrefix, small: true })}
    ${completing ? '' : fileUpload({ id: 'letter', name: 'letter', label: t.t('intake.letter'), hint: t.t('intake.letterHint'), error: errors.letter?.message, errorPrefix, accept: '.pdf,application/pdf,image/jpeg,image/png,image/tiff' })}
    ${button(completing ? t.t('intake.completeSubmit') : view.forwarding ? t.t('intake.forwardSubmit') : t.t('intake.submit'))}
  </form>
</div></div>`,
  };
}

/** After a forward: the request has left the sender's sight; say what that means for them. */
export function forwardedPage(t: Translator): Page {
  return {
    title: t.t('forwarded.title'),
    nav: 'forward',
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  ${panel(t.t('forwarded.title'), t.t('forwarded.panel'))}
  <h2 class="govuk-heading-m">${t.t('forwarded.nextHeading')}</h2>
  <ul class="govuk-list govuk-list--bullet">
    <li>${t.t('forwarded.noCopy')}</li>
    <li>${t.t('forwarded.secrecy')}</li>
    <li>${t.t('forwarded.noAnswer')}</li>
  </ul>
  <p class="govuk-body"><a class="govuk-link" href="/">${t.t('error.home')}</a></p>
</div></div>`,
  };
}

/** After an oral request (phone, at the desk): nothing is answered; this is what to say. */
export function standardReplyPage(t: Translator, view: { reply: string; replyLang: string; forwarding: boolean }): Page {
  return {
    title: t.t('oral.title'),
    nav: view.forwarding ? 'forward' : 'register',
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  <h1 class="govuk-heading-l">${t.t('oral.title')}</h1>
  <p class="govuk-body">${t.t('oral.intro')}</p>
  <div class="govuk-inset-text app-quote"${view.replyLang !== t.lang ? html` lang="${view.replyLang}"` : ''}>${view.reply}</div>
  ${warningText(t.t('oral.warning'), t.t('common.important'))}
  <p class="govuk-body"><a class="govuk-link" href="${view.forwarding ? '/' : '/requests'}">${view.forwarding ? t.t('error.home') : t.t('oral.back')}</a></p>
</div></div>`,
  };
}

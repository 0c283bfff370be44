// The DPO's access log (by person, by staff member, by period), the break-glass review queue, the
// break-glass dialog on a file, and "who consulted this file", printable for the person. The log
// holds metadata only (who, when, why, what kind of access, which data classes, which rule), never
// content; these pages show nothing else. The DPO finds a person by national number, name or birth
// date and sees their name and birth date, as the policy lets a list name persons to the DPO
// (mayNamePersons); never anything of the file itself: the DPO supervises the processing (R30).
import type { FoundPerson } from '../../app/find-person-for-audit.ts';
import type { AccessRecord } from '../../app/person-access-history.ts';
import type { QueuedGrant } from '../../app/list-break-glass-queue.ts';
import type { AuditEntryView } from '../../app/read-access-log.ts';
import { BREAK_GLASS } from '../../domain/break-glass.ts';
import { ITEM_CATEGORIES, type ItemCategory, tierOf } from '../../domain/data-classes.ts';
import {
  backLink, button, csrfField, type DateParts, dateInput, errorSummary, type FieldErrors, insetText, radios, select, summaryList,
  table, tag, textarea, warningText,
} from '../components.ts';
import { type Html, html, join } from '../html.ts';
import type { Translator } from '../i18n/index.ts';
import type { Page } from '../layout.ts';
import { logDetails, shortId } from '../log-details.ts';
import { foundPersonsTable, personSearchFields, type PersonSearchValues } from '../person-search-form.ts';

export { shortId };

const label = <K extends string>(t: Translator, prefix: string, value: string, known: readonly K[]) =>
  (known as readonly string[]).includes(value) ? t.t(`${prefix}.${value}` as Parameters<Translator['t']>[0]) : value;

// ---- The access log ----

export interface LogSearchView {
  readonly csrfToken: string;
  readonly staff: readonly { userId: string; displayName: string }[];
  readonly values: { readonly person: PersonSearchValues; readonly userId: string; readonly from: DateParts; readonly to: DateParts };
  readonly errors: FieldErrors;
  /** The persons the finder returned; null before a search. */
  readonly found: readonly FoundPerson[] | null;
}

export function logSearchPage(t: Translator, view: LogSearchView): Page {
  const errorPrefix = t.t('title.error');
  const { values, errors } = view;
  const dateLabels = { day: t.t('date.day'), month: t.t('date.month'), year: t.t('date.year') };
  return {
    title: t.t('log.title'),
    nav: 'access-log',
    hasErrors: Object.keys(errors).length > 0,
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  ${errorSummary(t.t('common.errorSummary'), errors)}
  <h1 class="govuk-heading-l">${t.t('log.title')}</h1>
  <p class="govuk-body">${t.t('log.intro')}</p>
  ${insetText(t.t('log.selfLogged'))}
  <h2 class="govuk-heading-m">${t.t('log.byPerson')}</h2>
  <p class="govuk-body">${t.t('log.findIntro')}</p>
  <form method="post" action="/audit/person" novalidate>
    ${csrfField(view.csrfToken)}
    ${personSearchFields(t, values.person, errors)}
    ${button(t.t('log.findSubmit'), { secondary: true })}
  </form>
  ${view.found ? foundPersonsTable(t, view.found, {
    href: (id) => `/audit/persons/${id}`, text: t.t('log.showPerson'), hidden: (name) => t.t('log.showPersonHidden', { name }),
  }) : ''}
  <h2 class="govuk-heading-m">${t.t('log.byStaff')}</h2>
  <form method="post" action="/audit/staff" novalidate>
    ${csrfField(view.csrfToken)}
    ${select({ id: 'userId', name: 'userId', label: t.t('log.staffMember'), items: [{ value: '', text: t.t('log.chooseStaff') }, ...view.staff.map((s) => ({ value: s.userId, text: s.displayName }))], value: values.userId, error: errors.userId?.message, errorPrefix })}
    ${button(t.t('log.show'), { secondary: true })}
  </form>
  <h2 class="govuk-heading-m">${t.t('log.byPeriod')}</h2>
  <form method="post" action="/audit/period" novalidate>
    ${csrfField(view.csrfToken)}
    ${dateInput({ id: 'from', name: 'from', legend: t.t('log.from'), value: values.from, error: errors.from?.message, errorPrefix, labels: dateLabels })}
    ${dateInput({ id: 'to', name: 'to', legend: t.t('log.to'), hint: t.t('log.toHint'), value: values.to, error: errors.to?.message, errorPrefix, labels: dateLabels })}
    ${button(t.t('log.show'), { secondary: true })}
  </form>
</div></div>`,
  };
}

export type LogScope =
  | { readonly kind: 'person'; readonly personId: string; readonly name: string | null }
  | { readonly kind: 'staff'; readonly userId: string; readonly name: string | null }
  | { readonly kind: 'period'; readonly from: string; readonly to: string };

const LOG_ACTIONS = ['read', 'search', 'create', 'update', 'export', 'disclose', 'import', 'read-log', 'break-glass'] as const;
const RULES = ['cross-cpas', 'no-content-role', 'administrative-staff', 'council-agenda', 'assigned-worker', 'head-of-social-service', 'break-glass', 'default-deny', 'operation'] as const;

const ROLE_IDS = ['social-worker', 'head-of-social-service', 'administrative-agent', 'directeur-general', 'president', 'council-member', 'dpo', 'it-admin'] as const;
const PURPOSE_IDS = ['case-follow-up', 'committee-preparation', 'supervision', 'administrative-processing', 'intake', 'council-decision', 'authority-request', 'data-subject-access', 'data-protection-audit', 'bulk-import'] as const;

/** The data classes of an entry, a whole part of the file said in one phrase. */
export function classesText(t: Translator, classes: readonly string[]): string {
  const known = classes.filter((c): c is ItemCategory => (ITEM_CATEGORIES as readonly string[]).includes(c));
  const parts: string[] = [];
  let rest = known;
  for (const tier of ['administrative', 'secret'] as const) {
    const all = ITEM_CATEGORIES.filter((c) => tierOf(c) === tier);
    if (all.every((c) => known.includes(c))) {
      parts.push(t.t(tier === 'administrative' ? 'log.allAdministrative' : 'log.allSocial'));
      rest = rest.filter((c) => tierOf(c) !== tier);
    }
  }
  return [...parts, ...rest.map((c) => t.t(`category.${c}`))].join(', ');
}

const staffCell = (t: Translator, user: string | null, name: string | null, roles: readonly string[], linked: boolean) => user
  ? html`${linked ? html`<a class="govuk-link" href="/audit/staff/${user}">${name ?? shortId(user)}</a>` : name ?? ''}<br><span class="govuk-body-s app-meta">${roles.map((r) => label(t, 'role', r, ROLE_IDS)).join(', ')}</span>`
  : t.t('log.system');

/**
 * One line per entry, five columns so it fits the page: when, who, what (action, purpose,
 * outcome and rule), which data, and which file with the entry's details.
 */
export function logEntriesTable(t: Translator, entries: readonly AuditEntryView[], caption: string, showFile: boolean): Html {
  return table({
    caption,
    captionClass: 'govuk-table__caption--s',
    head: [t.t('log.when'), t.t('log.who'), t.t('log.action'), t.t('log.classes'), showFile ? t.t('log.fileAndDetails') : t.t('log.details')],
    rows: entries.map((e) => [
      t.dateTime(e.at),
      staffCell(t, e.user, e.userName, e.roles, true),
      html`${label(t, 'logAction', e.action, LOG_ACTIONS)}
${e.outcome === 'denied' ? html` ${tag(t.t('log.denied'), 'red')}` : ''}${e.rule === 'break-glass' ? html` ${tag(t.t('log.emergency'), 'orange')}` : ''}
<br><span class="govuk-body-s">${t.t('log.purposeValue', { purpose: label(t, 'purpose', e.purpose, PURPOSE_IDS) })}</span>
<br><span class="govuk-body-s app-meta">${t.t('log.ruleValue', { rule: label(t, 'accessRule', e.rule, RULES) })}</span>`,
      classesText(t, e.classes),
      html`${showFile && e.person ? html`<a class="govuk-link" href="/audit/persons/${e.person}">${t.t('queue.fileLink', { id: shortId(e.person) })}</a>` : ''}${logDetails(t, e.details)}`,
    ]),
  });
}

export function logResultsPage(t: Translator, view: { scope: LogScope; entries: readonly AuditEntryView[]; olderHref: string | null; newestHref: string | null }): Page {
  const { scope } = view;
  const subtitle = scope.kind === 'person' ? (scope.name ? t.t('queue.fileOf', { name: scope.name }) : t.t('log.scopePerson', { id: shortId(scope.personId) }))
    : scope.kind === 'staff' ? t.t('log.scopeStaff', { name: scope.name ?? shortId(scope.userId) })
    : t.t('log.scopePeriod', { from: t.date(scope.from), to: t.date(scope.to) });
  return {
    title: `${subtitle} – ${t.t('log.title')}`,
    nav: 'access-log',
    beforeContent: backLink('/audit', t.t('log.newSearch')),
    content: html`<span class="govuk-caption-l">${t.t('log.title')}</span>
<h1 class="govuk-heading-l">${subtitle}</h1>
${scope.kind === 'person' ? html`<p class="govuk-body">${t.t('log.personFull')} <code class="app-hash">${scope.personId}</code></p>` : ''}
${view.entries.length === 0 ? html`<p class="govuk-body">${t.t('log.none')}</p>` : logEntriesTable(t, view.entries, t.plural('log.count', view.entries.length), scope.kind !== 'person')}
${view.olderHref || view.newestHref ? html`<nav class="govuk-pagination" aria-label="${t.t('log.pages')}">
  ${view.newestHref ? html`<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="${view.newestHref}"><span class="govuk-pagination__link-title">${t.t('log.newest')}</span></a></div>` : ''}
  ${view.olderHref ? html`<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="${view.olderHref}" rel="next"><span class="govuk-pagination__link-title">${t.t('log.older')}</span></a></div>` : ''}
</nav>` : ''}`,
  };
}

// ---- Break-glass: the review queue ----

export interface QueueView {
  readonly grants: readonly QueuedGrant[];
  readonly includeReviewed: boolean;
  readonly viewerId: string;
  /** The DPO follows a file through the log; the head of the social service opens the file itself. */
  readonly fileLink: 'log' | 'file';
  readonly names: ReadonlyMap<string, string>;
  readonly csrfToken: string;
  /** The grant whose review form was posted with errors, its values and errors. */
  readonly failed: { readonly grantId: string; readonly outcome: string; readonly comment: string; readonly errors: FieldErrors } | null;
  readonly reviewed: boolean;
}

function grantCard(t: Translator, g: QueuedGrant, view: QueueView, index: number): Html {
  const failed = view.failed?.grantId === g.grantId ? view.failed : null;
  const errorPrefix = t.t('title.error');
  const state = g.review?.outcome === 'not-justified' ? tag(t.t('queue.closed'), 'red') : g.active ? tag(t.t('queue.active'), 'orange') : tag(t.t('queue.ended'), 'grey');
  const fileHref = view.fileLink === 'log' ? `/audit/persons/${g.personId}` : `/persons/${g.personId}`;
  const outcomeId = `outcome-${g.grantId}`;
  const commentId = `comment-${g.grantId}`;
  const form = g.review
    ? ''
    : g.user.userId === view.viewerId
      ? insetText(t.t('queue.ownGrant'))
      : html`<form method="post" action="/break-glass/${g.grantId}/review" novalidate class="app-review-form">
  ${csrfField(view.csrfToken)}
  ${radios({ id: outcomeId, name: 'outcome', legend: t.t('queue.outcome'), items: [
    { value: 'justified', text: t.t('reviewOutcome.justified') },
    { value: 'not-justified', text: t.t('reviewOutcome.not-justified'), hint: t.t('queue.notJustifiedHint') },
  ], value: failed?.outcome, error: failed?.errors[outcomeId]?.message, errorPrefix, small: true })}
  ${textarea({ id: commentId, name: 'comment', label: t.t('queue.comment'), hint: t.t('queue.commentHint'), value: failed?.comment, error: failed?.errors[commentId]?.message, errorPrefix, rows: 3 })}
  ${button(t.t('queue.submit'))}
</form>`;
  return html`<div class="govuk-summary-card" id="grant-${index}">
  <div class="govuk-summary-card__title-wrapper"><h2 class="govuk-summary-card__title">${t.t('queue.cardTitle', { name: g.user.name ?? shortId(g.user.userId), date: t.dateTime(g.openedAt) })}</h2>${state}</div>
  <div class="govuk-summary-card__content">
    ${summaryList([
      // The name only to a reviewer the policy lets a list name the person to (the use case leaves it null otherwise).
      { key: t.t('queue.file'), value: html`<a class="govuk-link" href="${fileHref}">${g.personName
        ? t.t('queue.fileOf', { name: `${g.personName.givenNames} ${g.personName.familyName}` }) : t.t('queue.fileLink', { id: shortId(g.personId) })}</a>` },
      { key: t.t('log.purpose'), value: label(t, 'purpose', g.purpose, PURPOSE_IDS) },
      { key: t.t('queue.period'), value: t.t('queue.periodValue', { from: t.dateTime(g.openedAt), to: t.dateTime(g.expiresAt) }) },
      { key: t.t('queue.opened'), value: g.opened.reads === 0 ? t.t('queue.openedNone') : t.plural('queue.openedValue', g.opened.reads, { classes: classesText(t, g.opened.classes) }) },
      // The reason is a social note about the person: null for a reviewer the policy does not let read it (the DPO).
      { key: t.t('queue.reason'), value: g.reason === null ? html`<p class="govuk-body-s app-meta">${t.t('queue.reasonWithheld')}</p>` : html`<div class="app-record__text">${g.reason}</div>` },
      { key: t.t('queue.review'), value: g.review
        ? html`${g.review.outcome === 'justified' ? tag(t.t('reviewOutcome.justified'), 'green') : tag(t.t('reviewOutcome.not-justified'), 'red')}
<p class="govuk-body-s app-meta">${t.t('req.recordedByValue', { name: view.names.get(g.review.by) ?? shortId(g.review.by), date: t.dateTime(g.review.at) })}</p>
${g.review.comment ? html`<div class="app-record__text">${g.review.comment}</div>` : ''}`
        : t.t('queue.toReview') },
    ])}
    ${form}
  </div>
</div>`;
}

export function queuePage(t: Translator, view: QueueView): Page {
  const errors = view.failed?.errors ?? {};
  return {
    title: t.t('queue.title'),
    nav: 'break-glass',
    hasErrors: Object.keys(errors).length > 0,
    banner: view.reviewed ? { title: t.t('common.success'), text: t.t('queue.reviewed'), success: true } : null,
    content: html`${errorSummary(t.t('common.errorSummary'), errors)}
<h1 class="govuk-heading-l">${t.t('queue.title')}</h1>
<p class="govuk-body">${t.t('queue.intro', { minutes: BREAK_GLASS.minutes })}</p>
<p class="govuk-body">${view.includeReviewed
      ? html`<a class="govuk-link" href="/break-glass">${t.t('queue.onlyPending')}</a>`
      : html`<a class="govuk-link" href="/break-glass?all=1">${t.t('queue.showAll')}</a>`}</p>
${view.grants.length === 0
      ? html`<p class="govuk-body">${view.includeReviewed ? t.t('queue.noneAtAll') : t.t('queue.none')}</p>`
      : html`<p class="govuk-body">${t.plural('queue.count', view.grants.length)}</p>${join(view.grants.map((g, i) => grantCard(t, g, view, i + 1)))}`}`,
  };
}

// ---- Break-glass: the dialog on a file ----

export interface BreakGlassView {
  readonly personId: string;
  readonly purpose: string;
  readonly csrfToken: string;
  readonly reason: string;
  readonly errors: FieldErrors;
}

/** Shows nothing of the person: asking for emergency access is not yet a read of the file. */
export function breakGlassPage(t: Translator, view: BreakGlassView): Page {
  return {
    title: t.t('breakGlass.title'),
    hasErrors: Object.keys(view.errors).length > 0,
    beforeContent: backLink(`/persons/${view.personId}`, t.t('breakGlass.back')),
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  ${errorSummary(t.t('common.errorSummary'), view.errors)}
  <h1 class="govuk-heading-l">${t.t('breakGlass.title')}</h1>
  <p class="govuk-body">${t.t('breakGlass.intro')}</p>
  <ul class="govuk-list govuk-list--bullet">
    <li>${t.t('breakGlass.rule.time', { minutes: BREAK_GLASS.minutes })}</li>
    <li>${t.t('breakGlass.rule.readOnly')}</li>
    <li>${t.t('breakGlass.rule.notified')}</li>
    <li>${t.t('breakGlass.rule.reviewed')}</li>
  </ul>
  ${warningText(t.t('breakGlass.warning'), t.t('common.important'))}
  <form method="post" action="/persons/${view.personId}/break-glass" novalidate>
    ${csrfField(view.csrfToken)}
    <input type="hidden" name="purpose" value="${view.purpose}">
    ${textarea({ id: 'reason', name: 'reason', label: t.t('breakGlass.reason'), hint: t.t('breakGlass.reasonHint', { min: BREAK_GLASS.reasonMinLength }), value: view.reason, error: view.errors.reason?.message, errorPrefix: t.t('title.error'), rows: 5 })}
    <div class="govuk-button-group">
      ${button(t.t('breakGlass.submit'), { classes: 'govuk-button--warning' })}
      <a class="govuk-link" href="/persons/${view.personId}">${t.t('common.cancel')}</a>
    </div>
  </form>
</div></div>`,
  };
}

// ---- Who consulted this file ----

export interface HistoryView {
  readonly personId: string;
  readonly cpasName: string;
  readonly printedAt: Date;
  readonly accesses: readonly AccessRecord[];
}

/**
 * For the person who asks who consulted their file (GDPR art. 15): who (name and role), when, why,
 * what kind of access and which data. Made to be printed: the page's frame is left off the paper.
 */
export function accessHistoryPage(t: Translator, view: HistoryView): Page {
  const title = t.t('history.title');
  const rows = view.accesses.map((a) => [
    t.dateTime(a.at),
    a.staff ? staffCell(t, 'staff', a.staff.name, a.staff.roles, false) : t.t('log.system'),
    html`${label(t, 'historyAction', a.action, LOG_ACTIONS)}${a.emergencyAccess ? html`<br>${tag(t.t('history.emergency'), 'orange')}` : ''}${a.outcome === 'denied' ? html`<br>${tag(t.t('history.refused'), 'red')}` : ''}`,
    label(t, 'purpose', a.purpose, PURPOSE_IDS),
    classesText(t, a.classes),
  ]);
  return {
    title,
    beforeContent: backLink(`/persons/${view.personId}`, t.t('history.back')),
    content: html`<div class="app-printable">
<p class="govuk-body app-print-only">${view.cpasName}</p>
<h1 class="govuk-heading-l">${title}</h1>
<p class="govuk-body">${t.t('history.intro', { byCpas: t.cpas(view.cpasName, 'by'), date: t.dateTime(view.printedAt) })}</p>
<p class="govuk-body app-no-print">${t.t('history.print')}</p>
${rows.length === 0
      ? html`<p class="govuk-body">${t.t('history.none')}</p>`
      : table({ caption: t.plural('history.count', rows.length), head: [t.t('log.when'), t.t('history.who'), t.t('history.what'), t.t('log.purpose'), t.t('log.classes')], rows })}
<p class="govuk-body-s">${t.t('history.footer')}</p>
</div>`,
  };
}

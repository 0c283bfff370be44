// Case assignments: the service's assignments in effect or to come, a finder for the person whose
// case is to be assigned, and one person's page (assign to a social worker from a date, end an
// assignment on a last day). The directeur général's assignments are proposals a head of social
// service confirms; only a head of social service ends one. Dates are Brussels calendar dates.
import type { AssignmentsView } from '../../app/list-assignments.ts';
import type { PersonSummary } from '../../adapters/db/stores/search-store.ts';
import type { AssignmentRow } from '../../adapters/db/stores/assignment-store.ts';
import { backLink, button, csrfField, type DateParts, dateInput, errorSummary, type FieldErrors, insetText, select, summaryCard, table } from '../components.ts';
import { type Html, html, join } from '../html.ts';
import type { Translator } from '../i18n/index.ts';
import type { Page } from '../layout.ts';
import { foundPersonsTable, personSearchFields, type PersonSearchValues } from '../person-search-form.ts';

export type AssignmentDone = 'assigned' | 'proposed' | 'ended';

const fullName = (p: { givenNames: string; familyName: string }) => `${p.givenNames} ${p.familyName}`;
const periodText = (t: Translator, a: AssignmentRow) => a.assignedUntil
  ? t.t('assign.periodValue', { from: t.date(a.assignedFrom), until: t.date(a.assignedUntil) })
  : t.t('assign.fromValue', { from: t.date(a.assignedFrom) });
const doneBanner = (t: Translator, done: AssignmentDone | null) => (done ? { title: t.t('common.success'), text: t.t(`assign.done.${done}`), success: true } : null);
const dateLabels = (t: Translator) => ({ day: t.t('date.day'), month: t.t('date.month'), year: t.t('date.year') });

export interface AssignmentsPageView {
  readonly csrfToken: string;
  readonly list: AssignmentsView;
  readonly search: { readonly values: PersonSearchValues; readonly errors: FieldErrors; readonly found: readonly PersonSummary[] | null };
}

export function assignmentsPage(t: Translator, view: AssignmentsPageView): Page {
  const { assignments } = view.list;
  const errors = view.search.errors;
  return {
    title: t.t('assign.title'),
    nav: 'assignments',
    hasErrors: Object.keys(errors).length > 0,
    content: html`${errorSummary(t.t('common.errorSummary'), errors)}
<h1 class="govuk-heading-l">${t.t('assign.title')}</h1>
<p class="govuk-body">${t.t('assign.intro')}</p>
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  <h2 class="govuk-heading-m">${t.t('assign.findTitle')}</h2>
  <p class="govuk-body">${t.t('assign.findIntro')}</p>
  <form method="post" action="/assignments/search" novalidate>
    ${csrfField(view.csrfToken)}
    ${personSearchFields(t, view.search.values, errors)}
    ${button(t.t('assign.findSubmit'), { secondary: true })}
  </form>
  ${view.search.found ? foundPersonsTable(t, view.search.found, {
    href: (id) => `/persons/${id}/assignments`, text: t.t('assign.link'), hidden: (name) => t.t('assign.linkHidden', { name }),
  }) : ''}
</div></div>
${assignments.length === 0 ? html`<p class="govuk-body">${t.t('assign.none')}</p>` : table({
      caption: t.plural('assign.count', assignments.length),
      head: [t.t('assign.person'), t.t('assign.worker'), t.t('assign.period')],
      rows: assignments.map((a) => [
        html`<a class="govuk-link" href="/persons/${a.personId}/assignments">${a.familyName}, ${a.givenNames}</a>`,
        a.workerName,
        periodText(t, a),
      ]),
    })}`,
  };
}

export interface PersonAssignmentsView {
  readonly csrfToken: string;
  readonly list: AssignmentsView & { readonly person: NonNullable<AssignmentsView['person']> };
  readonly values: { readonly userId: string; readonly assignedFrom: DateParts; readonly assignedUntil: DateParts };
  readonly errors: FieldErrors;
  /** The end form posted with an error: which assignment, what was typed. */
  readonly ending: { readonly assignmentId: string; readonly endsOn: DateParts; readonly errors: FieldErrors } | null;
  /** The date offered as the last day of an assignment: today in Brussels. */
  readonly today: DateParts;
  readonly done: AssignmentDone | null;
}

function assignmentCard(t: Translator, view: PersonAssignmentsView, a: AssignmentRow): Html {
  const failed = view.ending?.assignmentId === a.assignmentId ? view.ending : null;
  const id = `endsOn-${a.assignmentId}`;
  const endForm = view.list.mayEnd ? html`<form method="post" action="/persons/${a.personId}/assignments/${a.assignmentId}/end" novalidate>
    ${csrfField(view.csrfToken)}
    ${dateInput({ id, name: 'endsOn', legend: t.t('assign.endsOn'), hint: t.t('assign.endsOnHint', { name: a.workerName }), value: failed?.endsOn ?? view.today, error: failed?.errors[id]?.message, errorPrefix: t.t('title.error'), labels: dateLabels(t) })}
    <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">${t.t('assign.endSubmit')}<span class="govuk-visually-hidden"> ${t.t('assign.endHidden', { name: a.workerName })}</span></button>
  </form>` : '';
  return html`${summaryCard({ title: a.workerName, headingLevel: 2, rows: [{ key: t.t('assign.period'), value: periodText(t, a) }] })}${endForm}`;
}

export function personAssignmentsPage(t: Translator, view: PersonAssignmentsView): Page {
  const { person, assignments, workers, mayEnd } = view.list;
  const name = fullName(person);
  const errorPrefix = t.t('title.error');
  const errors = { ...view.errors, ...(view.ending?.errors ?? {}) };
  const title = t.t('assign.personTitle', { name });
  return {
    title,
    nav: 'assignments',
    hasErrors: Object.keys(errors).length > 0,
    banner: doneBanner(t, view.done),
    beforeContent: backLink('/assignments', t.t('assign.back')),
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  ${errorSummary(t.t('common.errorSummary'), errors)}
  <h1 class="govuk-heading-l">${title}</h1>
  ${assignments.length === 0 ? html`<p class="govuk-body">${t.t('assign.none')}</p>`
    : html`<p class="govuk-body">${t.plural('assign.count', assignments.length)}</p>${join(assignments.map((a) => assignmentCard(t, view, a)))}`}
  <h2 class="govuk-heading-m">${t.t('assign.newTitle')}</h2>
  <p class="govuk-body">${t.t('assign.reassignHint')}</p>
  ${mayEnd ? '' : insetText(t.t('assign.proposeNote'))}
  <form method="post" action="/persons/${person.personId}/assignments" novalidate>
    ${csrfField(view.csrfToken)}
    ${select({ id: 'userId', name: 'userId', label: t.t('assign.userId'), items: [{ value: '', text: t.t('assign.chooseWorker') }, ...workers.map((w) => ({ value: w.userId, text: w.displayName }))], value: view.values.userId, error: view.errors.userId?.message, errorPrefix })}
    ${dateInput({ id: 'assignedFrom', name: 'assignedFrom', legend: t.t('assign.assignedFrom'), hint: t.t('assign.dateHint'), value: view.values.assignedFrom, error: view.errors.assignedFrom?.message, errorPrefix, labels: dateLabels(t) })}
    ${dateInput({ id: 'assignedUntil', name: 'assignedUntil', legend: t.t('assign.assignedUntil'), hint: t.t('assign.assignedUntilHint'), value: view.values.assignedUntil, error: view.errors.assignedUntil?.message, errorPrefix, labels: dateLabels(t) })}
    ${button(mayEnd ? t.t('assign.submit') : t.t('assign.proposeSubmit'))}
  </form>
</div></div>`,
  };
}

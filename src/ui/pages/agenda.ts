// The council's and committee's sessions: the open ones (and, for the secretariat, a form to
// schedule one), and one session with its agenda. Who sees which persons is the use cases' to
// decide (openCouncilSession): this page shows what it is given.
import type { CouncilSessionView } from '../../app/council/open-council-session.ts';
import type { CouncilSessionRow } from '../../app/council/list-council-sessions.ts';
import { COUNCIL_BODIES } from '../../domain/council.ts';
import { backLink, button, csrfField, type DateParts, dateInput, errorSummary, type FieldErrors, insetText, radios, table, tag } from '../components.ts';
import { personName } from '../format.ts';
import { html } from '../html.ts';
import type { Translator } from '../i18n/index.ts';
import type { Page } from '../layout.ts';

export interface AgendaListView {
  readonly sessions: readonly CouncilSessionRow[];
  readonly csrfToken: string;
  /** The viewer schedules sessions (manage-agenda): the form is shown. */
  readonly mayCreate: boolean;
  readonly values: { body: string; meetingDate: DateParts };
  readonly errors: FieldErrors;
  readonly done: 'created' | 'closed' | null;
}

const sessionName = (t: Translator, s: CouncilSessionRow) => t.t('agenda.sessionTitle', { body: t.t(`decisionBody.${s.body}`), date: t.date(s.meetingDate) });

function createForm(t: Translator, view: AgendaListView) {
  const errorPrefix = t.t('title.error');
  return html`<h2 class="govuk-heading-m">${t.t('agenda.new')}</h2>
<form method="post" action="/agenda/sessions" novalidate>
  ${csrfField(view.csrfToken)}
  ${radios({
    id: 'body', name: 'body', legend: t.t('agenda.body'), small: true, errorPrefix, error: view.errors.body?.message, value: view.values.body,
    items: COUNCIL_BODIES.map((b) => ({ value: b, text: t.t(`decisionBody.${b}`) })),
  })}
  ${dateInput({
    id: 'meetingDate', name: 'meetingDate', legend: t.t('agenda.meetingDate'), errorPrefix, error: view.errors.meetingDate?.message, value: view.values.meetingDate,
    labels: { day: t.t('date.day'), month: t.t('date.month'), year: t.t('date.year') },
  })}
  ${button(t.t('agenda.create'))}
</form>`;
}

export function agendaPage(t: Translator, view: AgendaListView): Page {
  const list = view.sessions.length === 0
    ? html`<p class="govuk-body">${t.t('agenda.none')}</p>`
    : table({
      caption: t.t('agenda.sessions'),
      head: [t.t('agenda.body'), t.t('agenda.meetingDate'), t.t('agenda.items'), t.t('agenda.decidedItems')],
      numeric: [2, 3],
      rows: view.sessions.map((s) => [
        html`<a class="govuk-link" href="/agenda/sessions/${s.sessionId}">${t.t(`decisionBody.${s.body}`)}<span class="govuk-visually-hidden"> – ${t.t('agenda.openHidden', { date: t.date(s.meetingDate) })}</span></a>`,
        t.date(s.meetingDate), t.number(s.items), t.number(s.decided),
      ]),
    });
  return {
    title: t.t('agenda.title'),
    nav: 'agenda',
    hasErrors: Object.keys(view.errors).length > 0,
    banner: view.done ? { title: t.t('common.success'), text: t.t(view.done === 'created' ? 'agenda.created' : 'agenda.closedDone'), success: true } : null,
    content: html`${errorSummary(t.t('common.errorSummary'), view.errors)}
<h1 class="govuk-heading-l">${t.t('agenda.title')}</h1>
<p class="govuk-body">${t.t('agenda.intro')}</p>
${list}
${view.mayCreate ? createForm(t, view) : ''}`,
  };
}

export function councilSessionPage(t: Translator, view: CouncilSessionView & { csrfToken: string; mayClose: boolean; membersView: boolean }): Page {
  const { session } = view;
  const title = sessionName(t, session);
  const items = !view.membersView
    ? insetText(t.t('agenda.membersOnly'))
    : view.items.length === 0
      ? html`<p class="govuk-body">${t.t('agenda.noItems')}</p>`
      : table({
        caption: t.t('agenda.agenda'),
        head: [t.t('agenda.person'), t.t('agenda.application'), t.t('agenda.state')],
        rows: view.items.map((i) => [
          html`<a class="govuk-link" href="/agenda/items/${i.itemId}">${personName(i)}</a>`,
          html`${t.t(`applicationKind.${i.applicationKind}`)}<br><span class="govuk-hint">${t.date(i.submittedOn)}</span>`,
          i.decided ? tag(t.t('agenda.decided'), 'green') : tag(t.t('agenda.toDecide'), 'yellow'),
        ]),
      });
  const close = view.mayClose && !session.closedAt
    ? html`<h2 class="govuk-heading-m">${t.t('agenda.close')}</h2>
<form method="post" action="/agenda/sessions/${session.sessionId}/close" novalidate>
  ${csrfField(view.csrfToken)}
  <p class="govuk-body">${t.t('agenda.closeHint')}</p>
  ${button(t.t('agenda.close'), { classes: 'govuk-button--warning' })}
</form>`
    : '';
  return {
    title,
    nav: 'agenda',
    beforeContent: backLink('/agenda', t.t('agenda.backToAgenda')),
    content: html`<h1 class="govuk-heading-l">${title}</h1>
${session.closedAt ? insetText(t.t('agenda.closed')) : ''}
${items}
${close}`,
  };
}

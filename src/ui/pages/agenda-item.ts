// One item of an open agenda, as a member of the council or the committee sees it: the classes the
// policy opened for this item (the person's file sections, rendered as in the file), and the
// decision form, or the decision once recorded.
import type { AgendaItemFile } from '../../app/council/open-agenda-item.ts';
import type { PersonFile } from '../../app/open-person-file.ts';
import { DECISION_OUTCOMES } from '../../domain/council.ts';
import { backLink, button, csrfField, type DateParts, dateInput, errorSummary, type FieldErrors, input, insetText, radios, summaryList, textarea } from '../components.ts';
import { personName } from '../format.ts';
import { type Html, html } from '../html.ts';
import type { Translator } from '../i18n/index.ts';
import type { Page } from '../layout.ts';
import { ADMINISTRATIVE_SECTIONS, type SectionContext } from './file-sections.ts';

export interface DecisionValues {
  readonly outcome: string;
  readonly amount: string;
  readonly periodFrom: DateParts;
  readonly periodTo: DateParts;
  readonly motivation: string;
}

export const EMPTY_DECISION: DecisionValues = {
  outcome: '', amount: '', periodFrom: { day: '', month: '', year: '' }, periodTo: { day: '', month: '', year: '' }, motivation: '',
};

export interface AgendaItemView {
  readonly item: AgendaItemFile;
  readonly csrfToken: string;
  readonly values: DecisionValues;
  readonly errors: FieldErrors;
  readonly done: boolean;
}

function decisionForm(t: Translator, view: AgendaItemView): Html {
  const { values, errors } = view;
  const errorPrefix = t.t('title.error');
  const labels = { day: t.t('date.day'), month: t.t('date.month'), year: t.t('date.year') };
  return html`<form method="post" action="/agenda/items/${view.item.itemId}/decision" novalidate>
  ${csrfField(view.csrfToken)}
  ${radios({
    id: 'outcome', name: 'outcome', legend: t.t('agenda.outcome'), errorPrefix, error: errors.outcome?.message, value: values.outcome,
    items: DECISION_OUTCOMES.map((o) => ({ value: o, text: t.t(`outcome.${o}`) })),
  })}
  ${input({ id: 'amount', name: 'amount', label: t.t('agenda.amount'), hint: t.t('agenda.amountHint'), errorPrefix, error: errors.amountCents?.message, value: values.amount, inputmode: 'decimal', width: '10', spellcheck: false })}
  ${dateInput({ id: 'periodFrom', name: 'periodFrom', legend: t.t('agenda.periodFrom'), hint: t.t('agenda.periodHint'), errorPrefix, error: errors.periodFrom?.message, value: values.periodFrom, labels })}
  ${dateInput({ id: 'periodTo', name: 'periodTo', legend: t.t('agenda.periodTo'), errorPrefix, error: errors.periodTo?.message, value: values.periodTo, labels })}
  ${textarea({ id: 'motivation', name: 'motivation', label: t.t('agenda.motivation'), hint: t.t('agenda.motivationHint'), errorPrefix, error: errors.motivation?.message, value: values.motivation, rows: 6 })}
  ${button(t.t('agenda.record'))}
</form>`;
}

export function agendaItemPage(t: Translator, view: AgendaItemView): Page {
  const { item } = view;
  const identity = item.administrative.identity as { familyName?: string; givenNames?: string } | undefined;
  const name = personName({ familyName: identity?.familyName ?? '', givenNames: identity?.givenNames ?? '' });
  const title = t.t('agenda.itemTitle', { name });
  // The sections of the file whose classes the policy opened for this item, rendered as in the file.
  const file: PersonFile = {
    personId: item.personId, purpose: 'council-decision', rule: 'council-agenda', administrative: item.administrative, secret: {}, attachments: [], withheld: [],
  };
  const s: SectionContext = { t, file, authors: new Map(), personId: item.personId };
  const sections = ADMINISTRATIVE_SECTIONS.filter((section) => section.categories.some((c) => c in item.administrative));
  return {
    title,
    nav: 'agenda',
    hasErrors: Object.keys(view.errors).length > 0,
    banner: view.done ? { title: t.t('common.success'), text: t.t('agenda.recorded'), success: true } : null,
    beforeContent: backLink(`/agenda/sessions/${item.sessionId}`, t.t('agenda.backToSession')),
    content: html`${errorSummary(t.t('common.errorSummary'), view.errors)}
<h1 class="govuk-heading-l">${title}</h1>
${insetText(t.t('agenda.itemIntro'))}
${summaryList([{ key: t.t('agenda.itemSession'), value: t.t('agenda.sessionTitle', { body: t.t(`decisionBody.${item.body as 'delegation'}`), date: t.date(item.meetingDate) }) }])}
${sections.map((section, i) => html`<section aria-labelledby="item-${i}">
  <h2 class="govuk-heading-m" id="item-${i}">${t.t(section.title)}</h2>
  ${section.render(s)}
</section>`)}
<h2 class="govuk-heading-l">${t.t('agenda.decision')}</h2>
${item.decisionId ? html`<p class="govuk-body">${t.t('agenda.alreadyDecided')}</p>` : decisionForm(t, view)}`,
  };
}

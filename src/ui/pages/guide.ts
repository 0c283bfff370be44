// The pages of the professional-secrecy guide: one question per page (GOV.UK question pages),
// then the answer in one sentence, the conditions as a checklist, the grounds with their sources,
// what to note and the reply to give. There is no "report" button anywhere, and an authority is
// named only when the answer is a permission (the worker decides) or the duty to assist.
import type { GuideAnswer } from '../../domain/guide/decide.ts';
import { button, checkboxes, linkButton, csrfField, dateInput, errorSummary, input, insetText, radios, summaryList, table, tag, textarea, warningText, type DateParts, type FieldError } from '../components.ts';
import type { DisclosureYear } from '../../domain/guide/disclosure-statistics.ts';
import { ITEM_CATEGORIES } from '../../domain/requests/items.ts';
import type { Cell } from '../../domain/requests/statistics.ts';
import { RECORD_GROUNDS, RECORD_OUTCOMES } from '../../domain/guide/disclosure-record.ts';
import { CHOICES, QUESTIONS, asks, type Answers, type QuestionId } from '../guide-flow.ts';
import { type Html, html, join } from '../html.ts';
import type { TextKey, Translator } from '../i18n/index.ts';
import type { Page } from '../layout.ts';
import { GUIDE_ITEMS } from '../../domain/guide/vocabulary.ts';

export interface GuideContext {
  readonly csrfToken: string;
  readonly answers: Answers;
  /** Consulted from this person's file: the result offers to note what was done. */
  readonly personId: string | null;
}

/** The answers so far, as hidden fields: the page is the only memory of the questionnaire. */
function carried(g: GuideContext): Html {
  const fields = QUESTIONS.flatMap((q) => {
    if (q === 'items') return (g.answers.items ?? []).map((item) => html`<input type="hidden" name="a.items" value="${item}">`);
    const value = g.answers[q];
    return value === undefined ? [] : [html`<input type="hidden" name="a.${q}" value="${value}">`];
  });
  return html`${csrfField(g.csrfToken)}${g.personId ? html`<input type="hidden" name="personId" value="${g.personId}">` : ''}${fields}`;
}

const initiativeOf = (answers: Answers) => (answers.initiative === 'asked' ? 'asked' : 'own-initiative');

function questionText(t: Translator, q: QuestionId, answers: Answers): { legend: string; hint?: string } {
  switch (q) {
    case 'counterpart':
    case 'channel':
    case 'offence':
    case 'items':
      return {
        legend: t.t(`guide.q.${q}.${initiativeOf(answers)}` as TextKey),
        ...(q === 'items' ? { hint: t.t('guide.q.itemsHint') } : {}),
      };
    case 'danger':
      return { legend: t.t('guide.q.danger'), hint: t.t('guide.q.dangerHint') };
    case 'consent':
      return { legend: t.t('guide.q.consent'), hint: t.t('guide.q.consentHint') };
    default:
      return { legend: t.t(`guide.q.${q}`) };
  }
}

const choiceLabel = (t: Translator, q: QuestionId, value: string) =>
  t.t((q === 'items' ? `guide.item.${value}` : `guide.${q}.${value}`) as TextKey);

function field(t: Translator, q: QuestionId, answers: Answers, error: FieldError | undefined): Html {
  const { legend, hint } = questionText(t, q, answers);
  const common = { id: q, name: q, legend, legendIsHeading: true, hint, error: error?.message, errorPrefix: t.t('title.error') };
  if (q === 'items') {
    return checkboxes({ ...common, items: GUIDE_ITEMS.map((item) => ({ value: item, text: choiceLabel(t, q, item) })), values: answers.items ?? [] });
  }
  const items = (CHOICES[q] as readonly string[]).map((value) => ({
    value,
    text: choiceLabel(t, q, value),
    hint: q === 'danger' ? t.t(`guide.dangerHint.${value}` as TextKey) : undefined,
  }));
  return radios({ ...common, items, value: answers[q] });
}

/** settingsLink: the viewer records the CPAS's configuration of the guide (the directeur général). */
export function questionPage(t: Translator, g: GuideContext & { question: QuestionId; error?: FieldError; settingsLink?: boolean }): Page {
  const first = g.question === 'danger';
  const errors = g.error ? { [g.question]: g.error } : {};
  return {
    title: `${questionText(t, g.question, g.answers).legend} – ${t.t('guide.title')}`,
    nav: 'guide',
    hasErrors: Boolean(g.error),
    content: html`${errorSummary(t.t('common.errorSummary'), errors)}
${first ? html`<p class="govuk-body-l">${t.t('guide.intro')}</p>
${warningText(t.t('guide.emergency'), t.t('common.important'))}
${insetText(html`${t.t('guide.secrecyDefault')} ${g.personId ? t.t('guide.fromFile') : t.t('guide.anonymous')}`)}` : ''}
<form method="post" action="/guide" novalidate>
  ${carried(g)}
  <input type="hidden" name="step" value="${g.question}">
  ${field(t, g.question, g.answers, g.error)}
  <div class="govuk-button-group">
    ${button(t.t('guide.continue'), { classes: 'app-guide-continue' })}
    ${first ? '' : html`<button type="submit" name="action" value="previous" class="govuk-button govuk-button--secondary" data-module="govuk-button">${t.t('guide.previous')}</button>`}
  </div>
</form>
${first && g.settingsLink ? html`<p class="govuk-body"><a class="govuk-link" href="/guide/settings">${t.t('guide.settingsLink')}</a></p>` : ''}`,
  };
}

function answersSummary(t: Translator, g: GuideContext): Html {
  const rows = QUESTIONS.filter((q) => asks(q, g.answers)).map((q) => ({
    key: questionText(t, q, g.answers).legend,
    value: html`${q === 'items'
      ? html`<ul class="govuk-list">${(g.answers.items ?? []).map((item) => html`<li>${choiceLabel(t, q, item)}</li>`)}</ul>`
      : choiceLabel(t, q, g.answers[q] ?? '')}
      <button type="submit" name="action" value="change:${q}" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 app-no-print" data-module="govuk-button">${t.t('guide.result.change')}<span class="govuk-visually-hidden"> – ${questionText(t, q, g.answers).legend}</span></button>`,
  }));
  return html`<form method="post" action="/guide" novalidate class="app-guide-answers">${carried(g)}
  <h2 class="govuk-heading-m">${t.t('guide.result.answers')}</h2>
  ${summaryList(rows)}
</form>`;
}

function shareSection(t: Translator, answer: GuideAnswer): Html | '' {
  if (answer.answer !== 'may-disclose' && answer.answer !== 'must-assist') return '';
  return html`<h2 class="govuk-heading-m">${t.t('guide.result.mayShare')}</h2>
${answer.mayShare.length > 0 ? html`<ul class="govuk-list govuk-list--bullet">${answer.mayShare.map((item) => html`<li>${t.t(`guide.item.${item}`)}</li>`)}</ul>` : ''}
${answer.rule === 'G2' ? html`<p class="govuk-body">${t.t('guide.result.rescueCovered')}</p>` : ''}
${answer.rule === 'G7' ? html`<p class="govuk-body">${t.t('guide.result.testimony')}</p>` : ''}`;
}

/**
 * The conditions as a checklist. From a file, the boxes belong to the record form below (HTML's
 * form attribute): the conditions the worker ticked are noted with what was done.
 */
function conditionsSection(t: Translator, answer: GuideAnswer, formId: string | null): Html | '' {
  if (answer.conditions.length === 0) return '';
  return html`<div class="govuk-form-group"><fieldset class="govuk-fieldset" aria-describedby="conditions-hint">
  <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">${t.t('guide.result.conditions')}</legend>
  <div id="conditions-hint" class="govuk-hint">${t.t('guide.result.conditionsHint')}</div>
  <div class="govuk-checkboxes" data-module="govuk-checkboxes">${answer.conditions.map((c, i) => {
    const id = i === 0 ? 'conditions' : `conditions-${i + 1}`;
    return html`<div class="govuk-checkboxes__item">
    <input class="govuk-checkboxes__input" id="${id}" name="conditions" type="checkbox" value="${c.code}" aria-describedby="${id}-item-hint"${formId ? html` form="${formId}"` : ''}>
    <label class="govuk-label govuk-checkboxes__label" for="${id}">${c.text}</label>
    <div id="${id}-item-hint" class="govuk-hint govuk-checkboxes__hint">${c.ref}</div>
  </div>`;
  })}</div>
</fieldset></div>`;
}

function groundsSection(t: Translator, answer: GuideAnswer): Html {
  return html`<h2 class="govuk-heading-m">${t.t('guide.result.grounds')}</h2>
<ul class="govuk-list app-guide-grounds">${answer.grounds.map((g) => html`<li>
  <p class="govuk-body">${g.reason}</p>
  <p class="govuk-body-s">${g.ref} ${g.status === 'check' ? tag(t.t('guide.result.statusCheck'), 'yellow') : tag(t.t('guide.result.statusSettled'), 'grey')}</p>
</li>`)}</ul>`;
}

function replySection(t: Translator, answer: GuideAnswer): Html | '' {
  if (answer.standardReply === null) return '';
  return html`<h2 class="govuk-heading-m">${t.t('guide.result.reply')}</h2>
<p class="govuk-hint">${t.t('guide.result.replyHint')}</p>
<div class="govuk-inset-text app-guide-reply" id="standard-reply"><p class="govuk-body-l">${answer.standardReply.text}</p></div>`;
}

/** The register's intake, prefilled with who asked, how, and the categories (never a name: an address may be logged). */
function registerIntakeHref(answers: Answers): string {
  const query = new URLSearchParams({ authorRole: answers.counterpart ?? '', channel: answers.channel ?? '' });
  for (const item of answers.items ?? []) if ((ITEM_CATEGORIES as readonly string[]).includes(item)) query.append('items', item);
  return `/requests/new?${query.toString()}`;
}

export function resultPage(t: Translator, g: GuideContext & { answer: GuideAnswer; after?: Html }): Page {
  const { answer } = g;
  const sentence = t.t(`guide.answer.${answer.answer}`, { recipient: t.t(`guide.recipient.${answer.recipient}`) });
  return {
    title: `${sentence} – ${t.t('guide.title')}`,
    nav: 'guide',
    content: html`<span class="govuk-caption-l">${t.t('guide.title')}</span>
<h1 class="govuk-heading-l app-guide-answer" data-answer="${answer.answer}">${sentence}</h1>
${answer.answer === 'must-assist' ? warningText(t.t('guide.result.call112'), t.t('common.important')) : ''}
${answer.answer === 'may-disclose' ? insetText(t.t('guide.result.youDecide')) : ''}
${replySection(t, answer)}
${shareSection(t, answer)}
${conditionsSection(t, answer, g.after ? 'record-form' : null)}
${groundsSection(t, answer)}
<h2 class="govuk-heading-m">${t.t('guide.result.record')}</h2>
<p class="govuk-body">${answer.record.note}</p>
${answer.answer === 'use-register' ? html`<p class="govuk-body app-no-print">${linkButton(registerIntakeHref(g.answers), t.t('guide.result.register'))}</p>` : ''}
${g.after ?? ''}
${answersSummary(t, g)}
<p class="govuk-body-s">${t.t('guide.result.configuration', { id: answer.configuration, rule: answer.rule })}</p>
<p class="govuk-body app-no-print">${join([html`<a class="govuk-link" href="${g.personId ? `/persons/${g.personId}/guide` : '/guide'}">${t.t('guide.restart')}</a>`])}</p>`,
  };
}

export interface RecordValues {
  readonly outcome: string;
  readonly ground: string;
  readonly disclosedOn: DateParts;
  readonly recipient: string;
  readonly shared: string;
}

/** In a person's file: note what was done (a disclosure under its ground, or a refusal), sealed in the file. */
export function recordForm(t: Translator, g: GuideContext & { values: RecordValues; errors: Readonly<Record<string, FieldError>> }): Html {
  const e = (id: string) => g.errors[id]?.message;
  const prefix = t.t('title.error');
  return html`<div class="app-no-print app-guide-record-form">
<h2 class="govuk-heading-m" id="record">${t.t('record.title')}</h2>
<p class="govuk-body">${t.t('record.intro')}</p>
${errorSummary(t.t('common.errorSummary'), g.errors)}
<form method="post" action="/persons/${g.personId ?? ''}/guide/record" id="record-form" novalidate>
  ${carried(g)}
  ${radios({ id: 'outcome', name: 'outcome', legend: t.t('record.outcome'), error: e('outcome'), errorPrefix: prefix, value: g.values.outcome,
    items: RECORD_OUTCOMES.map((o) => ({ value: o, text: t.t(`record.outcome.${o}`) })) })}
  ${radios({ id: 'ground', name: 'ground', legend: t.t('record.ground'), hint: t.t('record.groundHint'), error: e('ground'), errorPrefix: prefix, value: g.values.ground,
    items: [...RECORD_GROUNDS, 'none' as const].map((ground) => ({ value: ground, text: t.t(`record.ground.${ground}`) })) })}
  ${dateInput({ id: 'disclosedOn', name: 'disclosedOn', legend: t.t('record.date'), error: e('disclosedOn'), errorPrefix: prefix, value: g.values.disclosedOn,
    labels: { day: t.t('date.day'), month: t.t('date.month'), year: t.t('date.year') } })}
  ${input({ id: 'recipient', name: 'recipient', label: t.t('record.recipient'), error: e('recipient'), errorPrefix: prefix, value: g.values.recipient })}
  ${textarea({ id: 'shared', name: 'shared', label: t.t('record.shared'), error: e('shared'), errorPrefix: prefix, value: g.values.shared, rows: 5 })}
  ${button(t.t('record.submit'))}
</form>
</div>`;
}

/** Counts only, by ground and year: the DPO sees no content, and no count small enough to designate someone. */
export function disclosuresPage(t: Translator, years: readonly DisclosureYear[]): Page {
  const cell = (value: Cell) => (value === null ? '' : typeof value === 'number' ? t.number(value) : value);
  return {
    title: t.t('disclosures.title'),
    nav: 'disclosures',
    content: html`<h1 class="govuk-heading-l">${t.t('disclosures.title')}</h1>
<p class="govuk-body">${t.t('disclosures.intro')}</p>
${insetText(t.t('disclosures.small'))}
${years.length === 0 ? html`<p class="govuk-body">${t.t('disclosures.none')}</p>` : join(years.map(({ year, byGround }) => byGround.withheld
      ? html`<h2 class="govuk-heading-m">${t.t('disclosures.year', { year })}</h2><p class="govuk-body">${t.t('disclosures.withheld')}</p>`
      : table({
        caption: t.t('disclosures.year', { year }),
        head: [t.t('disclosures.ground'), t.t('disclosures.count')],
        numeric: [1],
        rows: [
          ...RECORD_GROUNDS.map((ground) => [t.t(`record.ground.${ground}`), cell(byGround.cells[ground] ?? 0)]),
          [t.t('disclosures.total'), cell(byGround.total)],
        ],
      })))}`,
  };
}

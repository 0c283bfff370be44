// The pages of the professional-secrecy guide: one question per page (GOV.UK question pages),
// then the answer in one sentence, the conditions as a checklist, the grounds with their sources,
// what to note and the reply to give. There is no "report" button anywhere, and an authority is
// named only when the answer is a permission (the worker decides) or the duty to assist.
import type { GuideAnswer } from '../../domain/guide/decide.ts';
import { button, checkboxes, csrfField, errorSummary, insetText, radios, summaryList, tag, warningText, type FieldError } from '../components.ts';
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

export function questionPage(t: Translator, g: GuideContext & { question: QuestionId; error?: FieldError }): Page {
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
</form>`,
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

function conditionsSection(t: Translator, answer: GuideAnswer): Html | '' {
  if (answer.conditions.length === 0) return '';
  return checkboxes({
    id: 'conditions', name: 'conditions', legend: t.t('guide.result.conditions'), hint: t.t('guide.result.conditionsHint'), errorPrefix: t.t('title.error'),
    items: answer.conditions.map((c) => ({ value: c.code, text: c.text, hint: c.ref })), values: [],
  });
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
${conditionsSection(t, answer)}
${groundsSection(t, answer)}
<h2 class="govuk-heading-m">${t.t('guide.result.record')}</h2>
<p class="govuk-body">${answer.record.note}</p>
${g.after ?? ''}
${answersSummary(t, g)}
<p class="govuk-body-s">${t.t('guide.result.configuration', { id: answer.configuration, rule: answer.rule })}</p>
<p class="govuk-body app-no-print">${join([html`<a class="govuk-link" href="${g.personId ? `/persons/${g.personId}/guide` : '/guide'}">${t.t('guide.restart')}</a>`])}</p>`,
  };
}

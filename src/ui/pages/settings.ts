// The register's settings for the legal service, the directeur général and the président: what is
// in force (answer delay, the legal service's decisions on open categories, the 2024 Code pénal's
// date and confirmed articles), every version with who proposed and who confirmed it, the pending
// proposals, and a form to propose a change. Nothing changes on one person's word: a proposal takes
// effect when the directeur général or the président who did not make it confirms it.
import type { SettingsOverview } from '../../app/requests/configure-requests.ts';
import { LATEST_NEW_BOOK_II_FROM, NEW_BOOK_II_FROM } from '../../domain/requests/offences.ts';
import { button, csrfField, errorSummary, input, radios, summaryList, table, tag, textarea, type FieldErrors } from '../components.ts';
import { type Html, html, join } from '../html.ts';
import type { Translator } from '../i18n/index.ts';
import type { Page } from '../layout.ts';
import { registerSubNavigation } from './register.ts';

export interface SettingsFormValues {
  readonly answerDelayDays: string;
  readonly newBookIIFrom: string;
  readonly articles: string;
  readonly articlesSource: string;
  readonly decisionRef: string;
}

export interface SettingsView {
  readonly overview: SettingsOverview;
  readonly names: ReadonlyMap<string, string>;
  readonly csrfToken: string;
  readonly userId: string;
  readonly mayPropose: boolean;
  readonly mayConfirm: boolean;
  readonly values: SettingsFormValues;
  readonly errors: FieldErrors;
  readonly done: 'proposed' | 'confirmed' | 'rejected' | null;
}

const nameOf = (v: SettingsView, id: string | null) => (id ? (v.names.get(id) ?? '') : '');

function inForce(t: Translator, v: SettingsView): Html {
  const current = v.overview.current;
  const book = current.config.offenceCatalogue;
  const overrides = Object.entries(current.config.itemOverrides);
  return html`${summaryList([
    { key: t.t('settings.version'), value: current.version === 0 ? t.t('settings.defaults') : String(current.version) },
    { key: t.t('settings.answerDelay'), value: t.plural('settings.days', current.answerDelayDays) },
    { key: t.t('settings.configuration'), value: html`<span lang="fr">${current.config.id}</span>` },
    { key: t.t('settings.newCodeFrom'), value: t.date(book.newBookIIFrom) },
    {
      key: t.t('settings.articles2024'),
      value: book.newBookII
        ? html`${book.newBookII.articles.join(', ')}<br><span class="govuk-body-s app-meta" lang="fr">${book.newBookII.source}</span>`
        : t.t('settings.articlesNotConfirmed'),
    },
  ])}
${overrides.length === 0 ? html`<p class="govuk-body">${t.t('settings.noOverrides')}</p>` : table({
    caption: t.t('settings.overrides'),
    head: [t.t('settings.category'), t.t('settings.decision'), t.t('settings.ref')],
    rows: overrides.map(([item, o]) => [t.t(`category.${item}` as 'category.identity'), t.t(`itemDecision.${o!.decision}`), html`<span lang="fr">${o!.ref}</span>`]),
  })}`;
}

function proposals(t: Translator, v: SettingsView): Html {
  const pending = v.overview.proposals.filter((p) => p.outcome === null);
  if (pending.length === 0) return html`<p class="govuk-body">${t.t('settings.noPending')}</p>`;
  return join(pending.map((p) => {
    const book = p.config.offenceCatalogue;
    const canDecide = v.mayConfirm && p.proposedBy !== v.userId;
    return html`<div class="govuk-summary-card"><div class="govuk-summary-card__title-wrapper"><h3 class="govuk-summary-card__title">${t.t('settings.proposalBy', { name: nameOf(v, p.proposedBy), date: t.dateTime(p.proposedAt) })}</h3>${tag(t.t('settings.pending'), 'yellow')}</div>
<div class="govuk-summary-card__content">${summaryList([
      { key: t.t('settings.decisionRef'), value: html`<span lang="fr">${p.decisionRef}</span>` },
      { key: t.t('settings.answerDelay'), value: t.plural('settings.days', p.answerDelayDays) },
      { key: t.t('settings.newCodeFrom'), value: t.date(book.newBookIIFrom) },
      { key: t.t('settings.articles2024'), value: book.newBookII ? book.newBookII.articles.join(', ') : t.t('settings.articlesNotConfirmed') },
    ])}
${canDecide
      ? html`<div class="govuk-button-group">
<form method="post" action="/requests/settings/proposals/${p.proposalId}/confirm" novalidate>${csrfField(v.csrfToken)}${button(t.t('settings.confirm'))}</form>
<form method="post" action="/requests/settings/proposals/${p.proposalId}/reject" novalidate>${csrfField(v.csrfToken)}${button(t.t('settings.reject'), { secondary: true })}</form>
</div>`
      : html`<p class="govuk-body">${p.proposedBy === v.userId ? t.t('settings.ownProposal') : t.t('settings.awaitsConfirmation')}</p>`}
</div></div>`;
  }));
}

function history(t: Translator, v: SettingsView): Html {
  if (v.overview.versions.length === 0) return html`<p class="govuk-body">${t.t('settings.noVersions')}</p>`;
  return table({
    caption: t.t('settings.history'),
    head: [t.t('settings.version'), t.t('settings.decisionRef'), t.t('settings.proposedBy'), t.t('settings.confirmedBy')],
    rows: v.overview.versions.map((r) => [
      String(r.version),
      r.decisionRef ? html`<span lang="fr">${r.decisionRef}</span>` : t.t('common.notRecorded'),
      r.proposedBy ? nameOf(v, r.proposedBy) : t.t('common.notRecorded'),
      t.t('settings.confirmedValue', { name: nameOf(v, r.confirmedBy), date: t.dateTime(r.confirmedAt) }),
    ]),
  });
}

function proposeForm(t: Translator, v: SettingsView): Html {
  const errorPrefix = t.t('title.error');
  const e = v.errors;
  return html`<form method="post" action="/requests/settings" novalidate>
${csrfField(v.csrfToken)}
${input({ id: 'decisionRef', name: 'decisionRef', label: t.t('settings.decisionRef'), hint: t.t('settings.decisionRefHint'), value: v.values.decisionRef, error: e.decisionRef?.message, errorPrefix })}
${input({ id: 'answerDelayDays', name: 'answerDelayDays', label: t.t('settings.answerDelay'), hint: t.t('settings.answerDelayHint'), value: v.values.answerDelayDays, error: e.answerDelayDays?.message, errorPrefix, inputmode: 'numeric', width: '3' })}
${radios({ id: 'newBookIIFrom', name: 'newBookIIFrom', legend: t.t('settings.newCodeFrom'), hint: t.t('settings.newCodeFromHint'), items: [NEW_BOOK_II_FROM, LATEST_NEW_BOOK_II_FROM].map((d) => ({ value: d, text: t.date(d) })), value: v.values.newBookIIFrom, error: e.newBookIIFrom?.message, errorPrefix, small: true })}
${input({ id: 'articles', name: 'articles', label: t.t('settings.articles2024'), hint: t.t('settings.articlesHint'), value: v.values.articles, error: e.articles?.message, errorPrefix, spellcheck: false, autocomplete: 'off' })}
${textarea({ id: 'articlesSource', name: 'articlesSource', label: t.t('settings.articlesSource'), hint: t.t('settings.articlesSourceHint'), value: v.values.articlesSource, error: e.articlesSource?.message, errorPrefix, rows: 2 })}
${button(t.t('settings.propose'))}
</form>`;
}

export function settingsPage(t: Translator, v: SettingsView): Page {
  const title = t.t('settings.title');
  return {
    title: Object.keys(v.errors).length > 0 ? `${t.t('title.error')} ${title}` : title,
    nav: 'register',
    banner: v.done ? { title: t.t('common.success'), text: t.t(`settings.done.${v.done}`), success: true } : undefined,
    content: html`${errorSummary(t.t('common.errorSummary'), v.errors)}
<h1 class="govuk-heading-l">${title}</h1>
${registerSubNavigation(t, 'settings', true, v.mayConfirm)}
<p class="govuk-body">${t.t('settings.intro')}</p>
<h2 class="govuk-heading-m">${t.t('settings.inForce')}</h2>
${inForce(t, v)}
<h2 class="govuk-heading-m">${t.t('settings.pendingTitle')}</h2>
${proposals(t, v)}
${v.mayPropose ? html`<h2 class="govuk-heading-m">${t.t('settings.proposeTitle')}</h2><p class="govuk-body">${t.t('settings.proposeIntro')}</p>${proposeForm(t, v)}` : ''}
<h2 class="govuk-heading-m">${t.t('settings.history')}</h2>
${history(t, v)}`,
  };
}

// The guide's one CHECK switch, for the directeur général: what is in force, and a new version
// applying the legal service's decision. The page explains what the switch opens and closes,
// because whoever records it answers for every answer the guide gives under it.
import type { GuideSettings } from '../../adapters/db/stores/guide-settings-store.ts';
import { button, csrfField, errorSummary, type FieldErrors, input, insetText, radios, summaryList, textarea } from '../components.ts';
import { html } from '../html.ts';
import type { Translator } from '../i18n/index.ts';
import type { Page } from '../layout.ts';

export interface GuideSettingsValues {
  readonly configId: string;
  readonly externalSharedSecrecy: string;
  readonly decisionRef: string;
}

export function guideSettingsPage(t: Translator, view: { csrfToken: string; current: GuideSettings; values: GuideSettingsValues; errors: FieldErrors; saved: boolean }): Page {
  const { current, values, errors } = view;
  const prefix = t.t('title.error');
  return {
    title: t.t('guideSettings.title'),
    nav: 'guide',
    hasErrors: Object.keys(errors).length > 0,
    banner: view.saved ? { title: t.t('common.success'), text: t.t('guideSettings.saved', { version: String(current.version) }), success: true } : null,
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
${errorSummary(t.t('common.errorSummary'), errors)}
<h1 class="govuk-heading-l">${t.t('guideSettings.title')}</h1>
<p class="govuk-body">${t.t('guideSettings.intro')}</p>
<h2 class="govuk-heading-m">${t.t('guideSettings.current')}</h2>
${summaryList([
    { key: t.t('guideSettings.version'), value: current.version === 0 ? t.t('guideSettings.default') : String(current.version) },
    { key: t.t('guideSettings.configId'), value: current.config.id },
    { key: t.t('guideSettings.switch'), value: t.t(`guideSettings.switch.${current.config.externalSharedSecrecy}`) },
    { key: t.t('guideSettings.decisionRef'), value: current.decisionRef ?? t.t('guideSettings.none') },
    ...(current.createdAt ? [{ key: t.t('guideSettings.since'), value: t.dateTime(current.createdAt) }] : []),
  ])}
<h2 class="govuk-heading-m">${t.t('guideSettings.new')}</h2>
${insetText(t.t('guideSettings.closesOnly'))}
<form method="post" action="/guide/settings" novalidate>
  ${csrfField(view.csrfToken)}
  ${radios({ id: 'externalSharedSecrecy', name: 'externalSharedSecrecy', legend: t.t('guideSettings.switch'), hint: t.t('guideSettings.switchHint'), items: (['on', 'off'] as const).map((v) => ({ value: v, text: t.t(`guideSettings.switch.${v}`) })), value: values.externalSharedSecrecy, error: errors.externalSharedSecrecy?.message, errorPrefix: prefix })}
  ${input({ id: 'configId', name: 'configId', label: t.t('guideSettings.configId'), hint: t.t('guideSettings.configIdHint'), value: values.configId, error: errors.configId?.message, errorPrefix: prefix, spellcheck: false, width: '20', autocomplete: 'off' })}
  ${textarea({ id: 'decisionRef', name: 'decisionRef', label: t.t('guideSettings.decisionRef'), hint: t.t('guideSettings.decisionRefHint'), value: values.decisionRef, error: errors.decisionRef?.message, errorPrefix: prefix, rows: 3 })}
  ${button(t.t('guideSettings.submit'))}
</form>
</div></div>`,
  };
}

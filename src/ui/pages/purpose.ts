import type { Purpose } from '../../domain/purposes.ts';
import { type Choice, button, csrfField, errorSummary, type FieldErrors, radios } from '../components.ts';
import { html } from '../html.ts';
import type { Translator } from '../i18n/index.ts';
import type { Page } from '../layout.ts';

/** The purposes the policy offers the viewer (purposesOfRole), as radio choices: the page adds none of its own. */
export const purposeChoices = (t: Translator, offered: readonly Purpose[]): Choice[] => offered.map((p) => ({ value: p, text: t.t(`purpose.${p}`) }));

export interface PurposeView {
  readonly personId: string;
  readonly csrfToken: string;
  readonly current: Purpose | null;
  /** What the policy offers the viewer's roles (purposesOfRole). */
  readonly offered: readonly Purpose[];
  readonly errors: FieldErrors;
}

/**
 * The question asked before a file opens. It shows nothing of the person: not even the name, which
 * would be a read of the file before its purpose is known and logged.
 */
export function purposePage(t: Translator, view: PurposeView): Page {
  return {
    title: t.t('purpose.title'),
    hasErrors: Object.keys(view.errors).length > 0,
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  ${errorSummary(t.t('common.errorSummary'), view.errors)}
  <form method="post" action="/persons/${view.personId}/purpose" novalidate>
    ${csrfField(view.csrfToken)}
    ${radios({
      id: 'purpose', name: 'purpose', legend: t.t('purpose.title'), legendIsHeading: true, hint: t.t('purpose.hint'),
      items: purposeChoices(t, view.offered), value: view.current ?? undefined, error: view.errors.purpose?.message, errorPrefix: t.t('title.error'),
    })}
    ${button(t.t('purpose.submit'))}
  </form>
</div></div>`,
  };
}

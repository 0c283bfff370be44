import { PURPOSE_IDS, type Purpose } from '../../domain/purposes.ts';
import { type Choice, button, csrfField, errorSummary, type FieldErrors, radios } from '../components.ts';
import { html } from '../html.ts';
import type { Translator } from '../i18n/index.ts';
import type { Page } from '../layout.ts';

/** Purposes a person may choose in a page; bulk import is a system operation, not a reason to open a file. */
export const CHOOSABLE_PURPOSES: readonly Purpose[] = PURPOSE_IDS.filter((p) => p !== 'bulk-import');

export const purposeChoices = (t: Translator): Choice[] => CHOOSABLE_PURPOSES.map((p) => ({ value: p, text: t.t(`purpose.${p}`) }));

export interface PurposeView {
  readonly personId: string;
  readonly csrfToken: string;
  readonly current: Purpose | null;
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
      items: purposeChoices(t), value: view.current ?? undefined, error: view.errors.purpose?.message, errorPrefix: t.t('title.error'),
    })}
    ${button(t.t('purpose.submit'))}
  </form>
</div></div>`,
  };
}

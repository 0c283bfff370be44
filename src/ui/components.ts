// GOV.UK Frontend components as typed functions returning escaped Html. The markup follows the
// Design System's templates (v6), with labels, hints and error messages tied to their inputs by
// id and aria-describedby, as the components' accessibility guidance requires.
import { type Html, type HtmlValue, html, join } from './html.ts';

/** An error on a form field: the id of the element the error summary links to, and the message. */
export interface FieldError {
  readonly id: string;
  readonly message: string;
}
export type FieldErrors = Readonly<Record<string, FieldError>>;

export const errorMessage = (id: string, message: string | undefined, hiddenPrefix: string) =>
  message ? html`<p id="${id}-error" class="govuk-error-message"><span class="govuk-visually-hidden">${hiddenPrefix}</span> ${message}</p>` : '';

export function errorSummary(title: string, errors: FieldErrors): Html | '' {
  const list = Object.values(errors);
  if (list.length === 0) return '';
  return html`<div class="govuk-error-summary" data-module="govuk-error-summary">
  <div role="alert">
    <h2 class="govuk-error-summary__title">${title}</h2>
    <div class="govuk-error-summary__body">
      <ul class="govuk-list govuk-error-summary__list">
        ${list.map((e) => html`<li><a href="#${e.id}">${e.message}</a></li>`)}
      </ul>
    </div>
  </div>
</div>`;
}

const describedBy = (id: string, hint: unknown, error: unknown) => {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids ? html` aria-describedby="${ids}"` : '';
};

interface FieldCommon {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  /** The visually hidden "Error:" before an error message, in the page's language. */
  readonly errorPrefix: string;
  /** Renders the label as the page's h1 (one question per page). */
  readonly labelIsHeading?: boolean;
}

const label = (f: FieldCommon) => {
  const inner = html`<label class="govuk-label${f.labelIsHeading ? ' govuk-label--l' : ''}" for="${f.id}">${f.label}</label>`;
  return f.labelIsHeading ? html`<h1 class="govuk-label-wrapper">${inner}</h1>` : inner;
};
const hint = (f: { id: string; hint?: string | undefined }) => (f.hint ? html`<div id="${f.id}-hint" class="govuk-hint">${f.hint}</div>` : '');
const group = (error: unknown, content: Html) => html`<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">${content}</div>`;

export function input(f: FieldCommon & {
  value?: string | undefined; type?: string; autocomplete?: string; inputmode?: string; spellcheck?: boolean; width?: string;
}): Html {
  return group(f.error, html`${label(f)}${hint(f)}${errorMessage(f.id, f.error, f.errorPrefix)}
<input class="govuk-input${f.width ? ` govuk-input--width-${f.width}` : ''}${f.error ? ' govuk-input--error' : ''}" id="${f.id}" name="${f.name}" type="${f.type ?? 'text'}" value="${f.value ?? ''}"${describedBy(f.id, f.hint, f.error)}${f.autocomplete ? html` autocomplete="${f.autocomplete}"` : ''}${f.inputmode ? html` inputmode="${f.inputmode}"` : ''}${f.spellcheck === false ? html` spellcheck="false"` : ''}>`);
}

export function textarea(f: FieldCommon & { value?: string | undefined; rows?: number; lang?: string }): Html {
  return group(f.error, html`${label(f)}${hint(f)}${errorMessage(f.id, f.error, f.errorPrefix)}
<textarea class="govuk-textarea${f.error ? ' govuk-textarea--error' : ''}" id="${f.id}" name="${f.name}" rows="${f.rows ?? 8}"${describedBy(f.id, f.hint, f.error)}>${f.value ?? ''}</textarea>`);
}

export interface Choice {
  readonly value: string;
  readonly text: string;
  readonly hint?: string | undefined;
  readonly lang?: string | undefined;
}

interface ChoiceGroup {
  readonly id: string;
  readonly name: string;
  readonly legend: string;
  readonly legendIsHeading?: boolean;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly errorPrefix: string;
  readonly items: readonly Choice[];
  readonly small?: boolean;
}

function choiceGroup(kind: 'radios' | 'checkboxes', g: ChoiceGroup, checked: (value: string) => boolean): Html {
  const type = kind === 'radios' ? 'radio' : 'checkbox';
  const legend = g.legendIsHeading
    ? html`<legend class="govuk-fieldset__legend govuk-fieldset__legend--l"><h1 class="govuk-fieldset__heading">${g.legend}</h1></legend>`
    : html`<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">${g.legend}</legend>`;
  const items = g.items.map((item, i) => {
    // The first item carries the group's id, so the error summary's link lands on it.
    const id = i === 0 ? g.id : `${g.id}-${i + 1}`;
    return html`<div class="govuk-${kind}__item">
  <input class="govuk-${kind}__input" id="${id}" name="${g.name}" type="${type}" value="${item.value}"${checked(item.value) ? html` checked` : ''}${item.hint ? html` aria-describedby="${id}-item-hint"` : ''}>
  <label class="govuk-label govuk-${kind}__label" for="${id}"${item.lang ? html` lang="${item.lang}"` : ''}>${item.text}</label>
  ${item.hint ? html`<div id="${id}-item-hint" class="govuk-hint govuk-${kind}__hint">${item.hint}</div>` : ''}
</div>`;
  });
  return group(g.error, html`<fieldset class="govuk-fieldset"${describedBy(g.id, g.hint, g.error)}>
  ${legend}${hint(g)}${errorMessage(g.id, g.error, g.errorPrefix)}
  <div class="govuk-${kind}${g.small ? ` govuk-${kind}--small` : ''}" data-module="govuk-${kind}">${items}</div>
</fieldset>`);
}

export const radios = (g: ChoiceGroup & { value?: string | undefined }) => choiceGroup('radios', g, (v) => v === g.value);
export const checkboxes = (g: ChoiceGroup & { values: readonly string[] }) => choiceGroup('checkboxes', g, (v) => g.values.includes(v));

export interface DateParts {
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

export function dateInput(f: {
  id: string; name: string; legend: string; hint?: string | undefined; error?: string | undefined; errorPrefix: string;
  value: DateParts; labels: { day: string; month: string; year: string };
}): Html {
  const part = (key: keyof DateParts, width: number) => html`<div class="govuk-date-input__item">
  <div class="govuk-form-group">
    <label class="govuk-label govuk-date-input__label" for="${key === 'day' ? f.id : `${f.id}-${key}`}">${f.labels[key]}</label>
    <input class="govuk-input govuk-date-input__input govuk-input--width-${width}${f.error ? ' govuk-input--error' : ''}" id="${key === 'day' ? f.id : `${f.id}-${key}`}" name="${f.name}-${key}" type="text" inputmode="numeric" value="${f.value[key]}">
  </div>
</div>`;
  return group(f.error, html`<fieldset class="govuk-fieldset" role="group"${describedBy(f.id, f.hint, f.error)}>
  <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${f.legend}</legend>
  ${hint(f)}${errorMessage(f.id, f.error, f.errorPrefix)}
  <div class="govuk-date-input">${part('day', 2)}${part('month', 2)}${part('year', 4)}</div>
</fieldset>`);
}

export const button = (text: string, options: { secondary?: boolean; classes?: string } = {}) =>
  html`<button type="submit" class="govuk-button${options.secondary ? ' govuk-button--secondary' : ''}${options.classes ? ` ${options.classes}` : ''}" data-module="govuk-button">${text}</button>`;

export const linkButton = (href: string, text: string, secondary = false) =>
  html`<a href="${href}" role="button" draggable="false" class="govuk-button${secondary ? ' govuk-button--secondary' : ''}" data-module="govuk-button">${text}</a>`;

/** The CSRF token of the session, in every form that changes something. */
export const csrfField = (token: string) => html`<input type="hidden" name="_csrf" value="${token}">`;

export function summaryList(rows: readonly { key: string; value: HtmlValue }[]): Html {
  return html`<dl class="govuk-summary-list">${rows.map((row) => html`<div class="govuk-summary-list__row">
  <dt class="govuk-summary-list__key">${row.key}</dt>
  <dd class="govuk-summary-list__value">${row.value}</dd>
</div>`)}</dl>`;
}

export function table(t: { caption: string; captionClass?: string; head: readonly string[]; rows: readonly (readonly HtmlValue[])[]; numeric?: readonly number[] }): Html {
  const numeric = new Set(t.numeric ?? []);
  // On a narrow screen (or zoomed to 400 %) the table scrolls inside its own box instead of the
  // page (WCAG 1.4.10); the box can take focus, so keyboard users can scroll it too.
  return html`<div class="app-table-scroll" role="region" aria-label="${t.caption}" tabindex="0"><table class="govuk-table">
  <caption class="govuk-table__caption ${t.captionClass ?? 'govuk-table__caption--m'}">${t.caption}</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row">${t.head.map((h, i) => html`<th scope="col" class="govuk-table__header${numeric.has(i) ? ' govuk-table__header--numeric' : ''}">${h}</th>`)}</tr></thead>
  <tbody class="govuk-table__body">${t.rows.map((row) => html`<tr class="govuk-table__row">${row.map((cell, i) =>
    i === 0 ? html`<th scope="row" class="govuk-table__header">${cell}</th>` : html`<td class="govuk-table__cell${numeric.has(i) ? ' govuk-table__cell--numeric' : ''}">${cell}</td>`)}</tr>`)}</tbody>
</table></div>`;
}

export function notificationBanner(b: { title: string; text: string; success?: boolean }): Html {
  return html`<div class="govuk-notification-banner${b.success ? ' govuk-notification-banner--success' : ''}"${b.success ? html` role="alert"` : html` role="region"`} aria-labelledby="banner-title" data-module="govuk-notification-banner">
  <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="banner-title">${b.title}</h2></div>
  <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${b.text}</p></div>
</div>`;
}

export const insetText = (content: HtmlValue) => html`<div class="govuk-inset-text">${content}</div>`;
export const tag = (text: string, colour?: string) => html`<strong class="govuk-tag${colour ? ` govuk-tag--${colour}` : ''}">${text}</strong>`;
export const backLink = (href: string, text: string) => html`<a href="${href}" class="govuk-back-link">${text}</a>`;
export const paragraphs = (texts: readonly string[]) => join(texts.map((p) => html`<p class="govuk-body">${p}</p>`));

export const warningText = (text: string, assistive: string) => html`<div class="govuk-warning-text">
  <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
  <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">${assistive}</span> ${text}</strong>
</div>`;

/** A plain file input (no JavaScript enhancement: the form must work without it). */
export function fileUpload(f: FieldCommon & { accept?: string }): Html {
  return group(f.error, html`${label(f)}${hint(f)}${errorMessage(f.id, f.error, f.errorPrefix)}
<input class="govuk-file-upload${f.error ? ' govuk-file-upload--error' : ''}" id="${f.id}" name="${f.name}" type="file"${f.accept ? html` accept="${f.accept}"` : ''}${describedBy(f.id, f.hint, f.error)}>`);
}

export function select(f: FieldCommon & { items: readonly { value: string; text: string }[]; value?: string | undefined }): Html {
  return group(f.error, html`${label(f)}${hint(f)}${errorMessage(f.id, f.error, f.errorPrefix)}
<select class="govuk-select${f.error ? ' govuk-select--error' : ''}" id="${f.id}" name="${f.name}"${describedBy(f.id, f.hint, f.error)}>
  ${f.items.map((item) => html`<option value="${item.value}"${item.value === f.value ? html` selected` : ''}>${item.text}</option>`)}
</select>`);
}

/** A summary list in a card with its own heading: one thing among several of the same kind. */
export function summaryCard(c: { title: HtmlValue; headingLevel?: 2 | 3; rows: readonly { key: string; value: HtmlValue }[]; id?: string }): Html {
  const level = c.headingLevel ?? 3;
  return html`<div class="govuk-summary-card"${c.id ? html` id="${c.id}"` : ''}>
  <div class="govuk-summary-card__title-wrapper">${level === 2
    ? html`<h2 class="govuk-summary-card__title">${c.title}</h2>`
    : html`<h3 class="govuk-summary-card__title">${c.title}</h3>`}</div>
  <div class="govuk-summary-card__content">${summaryList(c.rows)}</div>
</div>`;
}

/** Native <details>: opens and closes without JavaScript. */
export const details = (summary: string, content: HtmlValue) => html`<details class="govuk-details">
  <summary class="govuk-details__summary"><span class="govuk-details__summary-text">${summary}</span></summary>
  <div class="govuk-details__text">${content}</div>
</details>`;

export const panel = (title: string, body?: string) => html`<div class="govuk-panel govuk-panel--confirmation">
  <h1 class="govuk-panel__title">${title}</h1>
  ${body ? html`<div class="govuk-panel__body">${body}</div>` : ''}
</div>`;

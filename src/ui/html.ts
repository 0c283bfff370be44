// Server-side HTML with escaping on by default. Every value interpolated into html`` is escaped
// unless it is itself Html: another html`` fragment or a string explicitly wrapped in raw().
// A page can then only carry markup that a template author wrote, never markup from data
// (a person's name, a social report, an error message).

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  // false and null render nothing, so `${cond && html`...`}` reads naturally.
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Marks trusted markup (a constant of the code, never data) as not to be escaped. */
export const raw = (markup: string): Html => new Html(markup);

/** Joins fragments with a separator (escaped unless Html). */
export const join = (items: readonly HtmlValue[], separator: HtmlValue = ''): Html =>
  new Html(items.map(render).join(render(separator)));

/** Renders a complete document. */
export const renderDocument = (page: Html): string => `<!DOCTYPE html>\n${page.value}`;

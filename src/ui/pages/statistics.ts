// The register's yearly statistics for the directeur général, the président and the DPO: each
// table as a chart and, beside it, the same figures as a data table. Counts 1 to 4 read "< 5" and
// the figures that would give them back "≥ 5" (src/domain/requests/statistics.ts): the page shows
// exactly what the CSV shows, never a raw count.
import { SMALL, type Cell, type PublishedTable, type RequestStatistics, type TableName } from '../../domain/requests/statistics.ts';
import { button, select, table } from '../components.ts';
import { type Html, html, join } from '../html.ts';
import type { TextKey, Translator } from '../i18n/index.ts';
import type { Page } from '../layout.ts';
import { barChart } from '../svg-chart.ts';
import { registerSubNavigation } from './register.ts';

export interface StatisticsView {
  readonly stats: RequestStatistics;
  readonly years: readonly number[];
}

/** The label of a row key in each table: an author role, a channel, an outcome, a category. */
function keyLabel(t: Translator, name: TableName, key: string): string {
  const prefix: Readonly<Record<TableName, string>> = {
    'received-by-author-role': 'authorRole',
    'received-by-channel': 'reqChannel',
    outcomes: 'stat.outcome',
    'items-disclosed': 'category',
    'items-withheld': 'category',
  };
  return t.t(`${prefix[name]}.${key}` as TextKey);
}

const cellText = (t: Translator, cell: Cell): string => (cell === null ? t.t('stat.withheldCell') : typeof cell === 'number' ? t.number(cell) : cell);

function statTable(t: Translator, published: PublishedTable): Html {
  const title = t.t(`stat.table.${published.name}`);
  const id = `stat-${published.name}`;
  if (published.withheld) {
    return html`<section class="app-stat" id="${id}"><h2 class="govuk-heading-m">${title}</h2><p class="govuk-body">${t.t('stat.tableWithheld')}</p></section>`;
  }
  const entries = Object.entries(published.cells);
  const bars = entries.map(([key, cell]) => ({ label: keyLabel(t, published.name, key), value: typeof cell === 'number' ? cell : null, text: cellText(t, cell) }));
  return html`<section class="app-stat" id="${id}">
<h2 class="govuk-heading-m">${title}</h2>
${barChart({ id: `${id}-chart`, title, description: t.t('stat.chartDescription', { total: cellText(t, published.total) }), bars })}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">${table({
    caption: title,
    captionClass: 'govuk-visually-hidden',
    head: [t.t('stat.key'), t.t('stat.count')],
    numeric: [1],
    rows: [...entries.map(([key, cell]) => [keyLabel(t, published.name, key), cellText(t, cell)]), [t.t('stat.total'), cellText(t, published.total)]],
  })}</div>
</div>
</section>`;
}

export function statisticsPage(t: Translator, view: StatisticsView): Page {
  const title = t.t('stat.title', { year: String(view.stats.year) });
  const year = String(view.stats.year);
  return {
    title,
    nav: 'register',
    content: html`<h1 class="govuk-heading-l">${title}</h1>
${registerSubNavigation(t, 'statistics', true)}
<p class="govuk-body">${t.t('stat.intro', { small: SMALL })}</p>
<form method="get" action="/requests/statistics" class="app-inline-form" novalidate>
${select({ id: 'year', name: 'year', label: t.t('stat.year'), errorPrefix: t.t('title.error'), items: view.years.map((y) => ({ value: String(y), text: String(y) })), value: year })}
${button(t.t('stat.show'), { secondary: true })}
</form>
${join(view.stats.tables.map((published) => statTable(t, published)))}
<h2 class="govuk-heading-m">${t.t('stat.download')}</h2>
<ul class="govuk-list">
<li><a class="govuk-link" href="/requests/statistics.csv?year=${year}" download>${t.t('stat.csv', { year })}</a></li>
<li><a class="govuk-link" href="/requests/statistics.json?year=${year}" download>${t.t('stat.json', { year })}</a></li>
</ul>`,
  };
}

// The register's yearly statistics as a page, and as the CSV and JSON the API serves: the same use
// case (readRequestStatistics), so the page, the files and the API never disagree, and each
// reading is logged like the API's.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readRequestStatistics } from '../../app/requests/request-statistics.ts';
import { ARTICLE_46BIS1_IN_FORCE } from '../../domain/requests/offences.ts';
import { statisticsCsv } from '../../domain/requests/statistics.ts';
import { html } from '../html.ts';
import { statisticsPage } from '../pages/statistics.ts';
import type { UiDeps } from '../plugin.ts';
import { sendPage, sessionOf, uiOf } from '../request.ts';

const FIRST_YEAR = Number(ARTICLE_46BIS1_IN_FORCE.slice(0, 4));

export function registerStatisticsRoutes(ui: FastifyInstance, { ctx }: UiDeps): void {
  const thisYear = () => Number(new Intl.DateTimeFormat('en-CA', { year: 'numeric', timeZone: 'Europe/Brussels' }).format(ctx.now()));
  /** The year asked for, or this year; null for anything that is not a year of the register. */
  const yearOf = (request: FastifyRequest): number | null => {
    const raw = (request.query as { year?: unknown }).year;
    if (raw === undefined || raw === '') return thisYear();
    const year = typeof raw === 'string' && /^\d{4}$/.test(raw) ? Number(raw) : NaN;
    return year >= FIRST_YEAR && year <= thisYear() ? year : null;
  };
  const badYear = (request: FastifyRequest, reply: FastifyReply) => {
    const t = uiOf(request).t;
    // The field is named, its value is not echoed.
    const body = t.t('stat.badYear.body', { first: String(FIRST_YEAR), last: String(thisYear()) });
    return sendPage(request, reply, {
      title: t.t('stat.badYear.title'),
      nav: 'register',
      content: html`<h1 class="govuk-heading-l">${t.t('stat.badYear.title')}</h1><p class="govuk-body">${body}</p>
<p class="govuk-body"><a class="govuk-link" href="/requests/statistics">${t.t('stat.backToStatistics')}</a></p>`,
    }, 400);
  };
  const years = () => Array.from({ length: thisYear() - FIRST_YEAR + 1 }, (_, i) => thisYear() - i);

  ui.get('/requests/statistics', async (request, reply) => {
    const year = yearOf(request);
    if (year === null) return badYear(request, reply);
    const stats = await readRequestStatistics(ctx, sessionOf(request).actor, { year });
    return sendPage(request, reply, statisticsPage(uiOf(request).t, { stats, years: years() }));
  });

  ui.get('/requests/statistics.csv', async (request, reply) => {
    const year = yearOf(request);
    if (year === null) return badYear(request, reply);
    const stats = await readRequestStatistics(ctx, sessionOf(request).actor, { year });
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="register-statistics-${year}.csv"`)
      .send(statisticsCsv(stats));
  });

  ui.get('/requests/statistics.json', async (request, reply) => {
    const year = yearOf(request);
    if (year === null) return badYear(request, reply);
    const stats = await readRequestStatistics(ctx, sessionOf(request).actor, { year });
    return reply.type('application/json; charset=utf-8').header('content-disposition', `attachment; filename="register-statistics-${year}.json"`).send(stats);
  });
}

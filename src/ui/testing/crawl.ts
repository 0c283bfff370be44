// Follows the links of the staff pages as a logged-in member of staff would: GET only, within the
// application (no API, no citizen portal, no downloads), a few pages of each kind (the same path
// with another id is the same page). The one form it submits is the purpose of a file, which is
// how anyone reaches a file: without it, the person files would never be read. The language
// switch is not followed: it would change the language the pages are checked in.
import type { PageClient } from './page-client.ts';

export interface CrawledPage {
  readonly url: string;
  readonly body: string;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const OUTSIDE = /^\/(?:static|assets|api|citizen|favicon|language\/)|\.(?:pdf|csv|svg|css|js|ico|png|json)(?:\?|$)|\/download\b/;

/** The kind of page a URL is: ids and numbers replaced, query values dropped. */
export const pageKind = (url: string): string => {
  const [path, query = ''] = url.split('?');
  const keys = [...new URLSearchParams(query).keys()].sort().join('&');
  return `${path!.replace(UUID, ':id').replace(/\/\d+(?=\/|$)/g, '/:n')}?${keys}`;
};

function linksOf(body: string): string[] {
  return [...body.matchAll(/<a\b[^>]*\bhref="(\/[^"#]*)/g)].map((m) => m[1]!.replace(/&amp;/g, '&')).filter((url) => !OUTSIDE.test(url));
}

export async function crawl(client: PageClient, start: readonly string[], limits = { perKind: 2, pages: 150 }): Promise<CrawledPage[]> {
  const queue = [...start];
  const seen = new Set<string>();
  const perKind = new Map<string, number>();
  const pages: CrawledPage[] = [];
  while (queue.length > 0 && pages.length < limits.pages) {
    const url = queue.shift()!;
    const kind = pageKind(url);
    if (seen.has(url) || (perKind.get(kind) ?? 0) >= limits.perKind) continue;
    seen.add(url);
    perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
    let response = await client.get(url);
    if (response.status >= 300 && response.status < 400 && response.location?.startsWith('/')) {
      if (!OUTSIDE.test(response.location)) queue.unshift(response.location);
      continue;
    }
    if (!String(response.headers['content-type'] ?? '').startsWith('text/html')) continue;
    const purposeForm = /action="(\/persons\/[0-9a-f-]{36}\/purpose)"/.exec(response.body);
    const purpose = /name="purpose" type="radio" value="([a-z-]+)"|type="radio" name="purpose" value="([a-z-]+)"|name="purpose"[^>]*value="([a-z-]+)"/.exec(response.body);
    if (purposeForm && purpose) {
      pages.push({ url, body: response.body });
      await client.post(purposeForm[1]!, { purpose: purpose[1] ?? purpose[2] ?? purpose[3]! });
      response = await client.get(url);
    }
    pages.push({ url, body: response.body });
    for (const link of linksOf(response.body)) if (!seen.has(link)) queue.push(link);
  }
  return pages;
}

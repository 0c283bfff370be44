// A browser-like client over fastify's inject, for page tests and the benchmark: keeps cookies,
// posts urlencoded forms, and fills in the CSRF token of the last page it saw.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export interface PageResponse {
  readonly status: number;
  readonly body: string;
  readonly location: string | undefined;
  readonly headers: LightMyRequestResponse['headers'];
}

export class PageClient {
  readonly cookies = new Map<string, string>();
  private lastToken: string | null = null;

  /** `remoteAddress`: the client's address as the server sees it (the log-in limit counts per address). */
  constructor(private readonly app: FastifyInstance, private readonly remoteAddress = '127.0.0.1') {}

  private keepCookies(setCookie: string | string[] | number | undefined): void {
    const list = Array.isArray(setCookie) ? setCookie : setCookie === undefined ? [] : [String(setCookie)];
    for (const line of list) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...value] = pair!.split('=');
      const cleared = attributes.some((a) => /^\s*max-age=0$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (cleared) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join('='));
    }
  }

  async request(method: 'GET' | 'POST', url: string, form?: Record<string, string | string[]>): Promise<PageResponse> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const payload = form ? new URLSearchParams(Object.entries(form).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]))).toString() : undefined;
    const response = await this.app.inject({
      method, url, payload, remoteAddress: this.remoteAddress,
      headers: { ...(cookie ? { cookie } : {}), ...(payload !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    });
    this.keepCookies(response.headers['set-cookie']);
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.lastToken = token;
    return { status: response.statusCode, body: response.body, location: response.headers.location as string | undefined, headers: response.headers };
  }

  get(url: string): Promise<PageResponse> {
    return this.request('GET', url);
  }

  /** Posts a form with the CSRF token of the last page seen (as the browser would). */
  post(url: string, fields: Record<string, string | string[]>): Promise<PageResponse> {
    return this.request('POST', url, { _csrf: this.lastToken ?? '', ...fields });
  }

  /** Posts a multipart form (a form with a file input), with the CSRF token of the last page seen. */
  async postMultipart(url: string, fields: Record<string, string | string[]>, file?: { name: string; fileName: string; mediaType: string; content: Buffer }): Promise<PageResponse> {
    const boundary = `----confiance${Math.random().toString(16).slice(2)}`;
    const parts: Buffer[] = [];
    const add = (head: string, body: Buffer) => parts.push(Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`), body, Buffer.from('\r\n'));
    for (const [name, value] of Object.entries({ _csrf: this.lastToken ?? '', ...fields })) {
      for (const v of Array.isArray(value) ? value : [value]) add(`Content-Disposition: form-data; name="${name}"`, Buffer.from(v, 'utf8'));
    }
    if (file) add(`Content-Disposition: form-data; name="${file.name}"; filename="${file.fileName}"\r\nContent-Type: ${file.mediaType}`, file.content);
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await this.app.inject({
      method: 'POST', url, payload: Buffer.concat(parts), remoteAddress: this.remoteAddress,
      headers: { ...(cookie ? { cookie } : {}), 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    this.keepCookies(response.headers['set-cookie']);
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.lastToken = token;
    return { status: response.statusCode, body: response.body, location: response.headers.location as string | undefined, headers: response.headers };
  }

  /** The raw bytes of a download (a PDF), with its headers. */
  async download(url: string): Promise<{ status: number; headers: LightMyRequestResponse['headers']; body: Buffer }> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await this.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {}, remoteAddress: this.remoteAddress });
    return { status: response.statusCode, headers: response.headers, body: response.rawPayload };
  }

  async logIn(login: string, password: string): Promise<PageResponse> {
    await this.get('/login');
    return this.post('/login', { login, password });
  }

  /** Chooses the purpose for a file, then opens it. */
  async openFile(personId: string, purpose: string): Promise<PageResponse> {
    await this.get(`/persons/${personId}`);
    await this.post(`/persons/${personId}/purpose`, { purpose });
    return this.get(`/persons/${personId}`);
  }
}

/** The main element of a page: what differs between pages, without the frame. */
export const mainOf = (body: string): string => /<main[\s\S]*<\/main>/.exec(body)?.[0] ?? '';

/** Every URL a page links or posts to (href, action, src). */
export const urlsOf = (body: string): string[] => [...body.matchAll(/\b(?:href|action|src)="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

// What the portal's tests share: a fresh database with two CPAS, a person with administrative data
// and canaries in every secret field, staff who consulted the file, the real local identity
// provider, and the application listening on 127.0.0.1. Plus a cookie-keeping HTTP client that
// plays the browser through the provider's log-in page.
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { DemoProvider } from '../../adapters/oidc/demo-provider.ts';
import type { AppContext } from '../../app/context.ts';
import { buildServer } from '../../http/server.ts';
import { addTestCpas, testContext, type TestCpas } from '../../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { startDemoPortal } from '../config.ts';
import type { CitizenPortalOptions } from '../plugin.ts';
import { plantCitizenFile, type PlantedFile } from './planted-file.ts';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface PortalWorld {
  readonly baseUrl: string;
  readonly ctx: AppContext;
  readonly db: TestDatabase;
  readonly cpas: TestCpas;
  readonly other: TestCpas;
  readonly planted: PlantedFile;
  readonly provider: DemoProvider;
  readonly options: CitizenPortalOptions;
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

/** Demo citizens of the provider, in order: demo-1 the planted person, demo-2 unknown to the CPAS, demo-3 the other person. */
export async function startPortalWorld(settings: { now?: () => Date; showStaffNames?: boolean } = {}): Promise<PortalWorld> {
  const db = await createTestDatabase();
  const now = settings.now ?? (() => new Date());
  const ctx = testContext(db.db, now);
  const cpas = await addTestCpas(db.db, 'namur');
  const other = await addTestCpas(db.db, 'liege');
  const planted = await plantCitizenFile(ctx, cpas, other);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const { options, provider } = await startDemoPortal({
    cpasCode: 'namur', appBaseUrl: baseUrl, now, showStaffNames: settings.showStaffNames,
    citizens: [
      { niss: planted.niss, displayName: 'Marie Dubois' },
      { niss: planted.unknownNiss, displayName: 'Inconnue' },
      { niss: planted.otherNiss, displayName: 'Jean Autre' },
    ],
  });
  const app = await buildServer(ctx, { citizen: options });
  await app.listen({ host: '127.0.0.1', port });
  return {
    baseUrl, ctx, db, cpas, other, planted, provider, options, app,
    async close() {
      await app.close();
      await provider.close();
      await db.drop();
    },
  };
}

export interface Fetched {
  readonly status: number;
  readonly url: string;
  readonly body: string;
  readonly location: string | null;
  readonly setCookies: readonly string[];
  readonly headers: Headers;
}

/** A browser reduced to what the log-in needs: cookies (one jar, as 127.0.0.1 ports share cookies) and manual redirects. */
export class TestBrowser {
  readonly cookies = new Map<string, string>();

  async fetch(url: string, form?: Record<string, string>): Promise<Fetched> {
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    const setCookies = response.headers.getSetCookie();
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...value] = pair!.split('=');
      const cleared = value.join('=') === '' || attributes.some((a) => /^\s*(max-age=0|expires=Thu, 01 Jan 1970)/i.test(a));
      if (cleared) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join('='));
    }
    const location = response.headers.get('location');
    return { status: response.status, url, body: await response.text(), location: location ? new URL(location, url).href : null, setCookies, headers: response.headers };
  }

  /** Follows redirects until one leads to a URL starting with `stop` (not fetched) or a page answers. */
  async follow(url: string, stop: string, form?: Record<string, string>): Promise<{ stoppedAt: string | null; last: Fetched }> {
    let current = await this.fetch(url, form);
    for (let hops = 0; hops < 10 && current.location; hops++) {
      if (current.location.startsWith(stop)) return { stoppedAt: current.location, last: current };
      current = await this.fetch(current.location);
    }
    return { stoppedAt: null, last: current };
  }

  /**
   * Starts a log-in at the portal, chooses the demo citizen at the provider, and returns the
   * callback URL the provider sends the browser back to, without following it.
   */
  async authorise(baseUrl: string, citizen: number, rewriteAuthorisation: (url: string) => string = (u) => u): Promise<string> {
    const start = await this.fetch(`${baseUrl}/citizen/login`);
    if (!start.location) throw new Error(`log-in did not redirect (${start.status})`);
    const atProvider = await this.follow(rewriteAuthorisation(start.location), `${baseUrl}/`);
    const action = /action="([^"]+)"/.exec(atProvider.last.body)?.[1];
    if (!action) throw new Error(`no log-in form at the provider (${atProvider.last.status})`);
    const back = await this.follow(new URL(action, atProvider.last.url).href, `${baseUrl}/citizen/callback`, { citizen: `demo-${citizen}` });
    if (!back.stoppedAt) throw new Error(`the provider did not send back to the callback (${back.last.status})`);
    return back.stoppedAt;
  }

  async logIn(baseUrl: string, citizen: number): Promise<Fetched> {
    return this.fetch(await this.authorise(baseUrl, citizen));
  }
}

// Logging in to the citizen portal through the real local OpenID Connect provider: a good log-in
// opens a portal session (its own cookie, Path=/citizen, httpOnly, SameSite=Lax); every failure
// (wrong state, wrong nonce, expired token, foreign issuer, provider down) gives a clear page with
// the reason and no session.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startDemoProvider } from '../adapters/oidc/demo-provider.ts';
import { createOidcLogin } from '../adapters/oidc/oidc-client.ts';
import { FAS_DEFAULTS } from './config.ts';
import { freePort, type PortalWorld, startPortalWorld, TestBrowser } from './testing/portal-world.ts';

let world: PortalWorld;
before(async () => {
  world = await startPortalWorld();
});
after(() => world.close());

const sessionCookieOf = (setCookies: readonly string[]) => setCookies.find((c) => c.startsWith('confiance_citizen='));

function assertFailedWithoutSession(response: { status: number; body: string; setCookies: readonly string[] }, reason: string, status = 400): void {
  assert.equal(response.status, status);
  assert.match(response.body, new RegExp(`data-reason="${reason}"`));
  assert.equal(sessionCookieOf(response.setCookies), undefined, 'no session cookie is set');
}

describe('a good log-in', () => {
  test('opens a portal session with its own cookie and lands on the home page', async () => {
    const browser = new TestBrowser();
    const back = await browser.logIn(world.baseUrl, 1);
    assert.equal(back.status, 303);
    assert.equal(back.location, `${world.baseUrl}/citizen`);
    const cookie = sessionCookieOf(back.setCookies);
    assert.ok(cookie, 'session cookie set');
    assert.match(cookie, /; Path=\/citizen/);
    assert.match(cookie, /; HttpOnly/);
    assert.match(cookie, /; SameSite=Lax/);
    assert.match(cookie, /; Expires=/);
    const home = await browser.fetch(`${world.baseUrl}/citizen`);
    assert.equal(home.status, 200);
    assert.match(home.body, /action="\/citizen\/logout"/);
    assert.equal(home.headers.get('content-security-policy')?.includes("default-src 'self'"), true);
    assert.equal(home.headers.get('x-frame-options'), 'DENY');
  });

  test('the same callback used twice fails the second time (single-use state)', async () => {
    const browser = new TestBrowser();
    const callback = await browser.authorise(world.baseUrl, 1);
    assert.equal((await browser.fetch(callback)).status, 303);
    assertFailedWithoutSession(await browser.fetch(callback), 'state');
  });

  test('a staff session cookie opens nothing in the portal, and the portal session opens no staff page', async () => {
    const browser = new TestBrowser();
    await browser.logIn(world.baseUrl, 1);
    const staffPage = await browser.fetch(`${world.baseUrl}/`);
    assert.equal(staffPage.status, 303);
    assert.match(staffPage.location ?? '', /\/login$/);
    const anonymous = new TestBrowser();
    anonymous.cookies.set('confiance_session', browser.cookies.get('confiance_citizen') ?? 'x');
    const portal = await anonymous.fetch(`${world.baseUrl}/citizen`);
    assert.equal(portal.status, 200);
    assert.ok(!portal.body.includes('/citizen/logout'), 'the welcome page, not a session');
  });
});

describe('a failed log-in shows the reason and opens no session', () => {
  test('wrong state', async () => {
    const browser = new TestBrowser();
    const callback = new URL(await browser.authorise(world.baseUrl, 1));
    callback.searchParams.set('state', 'forged-state-value');
    const response = await browser.fetch(callback.href);
    assertFailedWithoutSession(response, 'state');
    assert.ok(!response.body.includes('forged-state-value'), 'the page does not echo the state');
  });

  test('a callback without the pending log-in cookie (another browser)', async () => {
    const callback = await new TestBrowser().authorise(world.baseUrl, 1);
    assertFailedWithoutSession(await new TestBrowser().fetch(callback), 'state');
  });

  test('wrong nonce (the ID token was not issued for this log-in)', async () => {
    const browser = new TestBrowser();
    const { url, pending } = await world.options.oidc.begin();
    const atProvider = await browser.follow(url.href, `${world.baseUrl}/`);
    const action = /action="([^"]+)"/.exec(atProvider.last.body)![1]!;
    const back = await browser.follow(new URL(action, atProvider.last.url).href, `${world.baseUrl}/citizen/callback`, { citizen: 'demo-1' });
    await assert.rejects(world.options.oidc.complete(new URL(back.stoppedAt!), { ...pending, nonce: 'another-nonce' }), { reason: 'nonce' });
  });

  test('expired ID token (the portal clock is two hours past its expiry)', async () => {
    const late = createOidcLogin({
      issuer: new URL(world.provider.issuer), clientId: 'confiance-demo-portal', clientSecret: 'demo-only-secret-not-for-production',
      redirectUri: world.options.oidc.redirectUri, scope: `openid ${FAS_DEFAULTS.nissScope}`, nissClaim: FAS_DEFAULTS.nissClaim,
      allowHttp: true, now: () => new Date(Date.now() + 3 * 3_600_000),
    });
    const browser = new TestBrowser();
    const { url, pending } = await late.begin();
    const atProvider = await browser.follow(url.href, `${world.baseUrl}/`);
    const action = /action="([^"]+)"/.exec(atProvider.last.body)![1]!;
    const back = await browser.follow(new URL(action, atProvider.last.url).href, `${world.baseUrl}/citizen/callback`, { citizen: 'demo-1' });
    await assert.rejects(late.complete(new URL(back.stoppedAt!), pending), { reason: 'expired' });
  });

  test('foreign issuer: the browser comes back from another provider', async () => {
    const foreign = await startDemoProvider({
      clientId: 'confiance-demo-portal', clientSecret: 'demo-only-secret-not-for-production', redirectUri: world.options.oidc.redirectUri,
      citizens: [{ niss: world.planted.niss, displayName: 'Marie Dubois' }], nissClaim: FAS_DEFAULTS.nissClaim, nissScope: FAS_DEFAULTS.nissScope,
    });
    try {
      const browser = new TestBrowser();
      const callback = await browser.authorise(world.baseUrl, 1, (u) => u.replace(world.provider.issuer, foreign.issuer));
      assertFailedWithoutSession(await browser.fetch(callback), 'issuer');
    } finally {
      await foreign.close();
    }
  });

  test('provider down at the start of the log-in', async () => {
    const port = await freePort();
    const down = createOidcLogin({
      issuer: new URL(`http://127.0.0.1:${port}`), clientId: 'x', clientSecret: 'y', redirectUri: world.options.oidc.redirectUri,
      scope: 'openid', nissClaim: FAS_DEFAULTS.nissClaim, allowHttp: true, timeoutMs: 2_000,
    });
    await assert.rejects(down.begin(), { reason: 'unavailable' });
  });

  test('provider down at the return: a 502 page and no session', async () => {
    const { options, provider } = await import('./config.ts').then((m) => m.startDemoPortal({
      cpasCode: 'namur', appBaseUrl: world.baseUrl, citizens: [{ niss: world.planted.niss, displayName: 'Marie' }],
    }));
    const browser = new TestBrowser();
    const { url, pending } = await options.oidc.begin();
    const atProvider = await browser.follow(url.href, `${world.baseUrl}/`);
    const action = /action="([^"]+)"/.exec(atProvider.last.body)![1]!;
    const back = await browser.follow(new URL(action, atProvider.last.url).href, `${world.baseUrl}/citizen/callback`, { citizen: 'demo-1' });
    await provider.close();
    await assert.rejects(options.oidc.complete(new URL(back.stoppedAt!), pending), { reason: 'unavailable' });
  });

  test('the portal answers 502 with the reason when the provider is down, and sets no session', async () => {
    const port = await freePort();
    const { buildServer } = await import('../http/server.ts');
    const app = await buildServer(world.ctx, {
      citizen: {
        ...world.options,
        oidc: createOidcLogin({
          issuer: new URL(`http://127.0.0.1:${port}`), clientId: 'x', clientSecret: 'y', redirectUri: world.options.oidc.redirectUri,
          scope: 'openid', nissClaim: FAS_DEFAULTS.nissClaim, allowHttp: true, timeoutMs: 2_000,
        }),
      },
    });
    const response = await app.inject({ method: 'GET', url: '/citizen/login' });
    await app.close();
    const setCookies = ([] as string[]).concat((response.headers['set-cookie'] as string[] | string | undefined) ?? []);
    assertFailedWithoutSession({ status: response.statusCode, body: response.body, setCookies }, 'unavailable', 502);
  });
});

// A real, local OpenID Connect provider (oidc-provider) for development, tests and `npm start`'s
// demo mode, standing in for the federal authentication service (FAS/CSAM). It signs with its own
// key pair generated at start, listens on 127.0.0.1 only, and its log-in page lists demo citizens
// (synthetic persons) to choose from: no password, because nothing real is behind it. It gives the
// national number in the same claim and scope as FAS, so the portal's code path is the production one.
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

// The page is the provider's own: an adapter does not borrow the UI's templating.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export interface DemoCitizen {
  readonly niss: string;
  readonly displayName: string;
}

export interface DemoProviderOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  readonly citizens: readonly DemoCitizen[];
  readonly nissClaim: string;
  /** The scope that releases the national-number claim (FAS: egovnrn). */
  readonly nissScope: string;
  readonly port?: number;
  /** Seconds an ID token is valid (default one hour). */
  readonly idTokenSeconds?: number;
}

export interface DemoProvider {
  readonly issuer: string;
  close(): Promise<void>;
}

const page = (title: string, body: string) => `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 10_000) break;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startDemoProvider(options: DemoProviderOptions): Promise<DemoProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map(options.citizens.map((c, i) => [`demo-${i + 1}`, c]));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), use: 'sig', alg: 'RS256' };

  const provider = new Provider(issuer, {
    clients: [{
      client_id: options.clientId, client_secret: options.clientSecret, redirect_uris: [options.redirectUri],
      response_types: ['code'], grant_types: ['authorization_code'], token_endpoint_auth_method: 'client_secret_basic',
    }],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    scopes: ['openid', options.nissScope],
    claims: { openid: ['sub'], [options.nissScope]: [options.nissClaim] },
    // The national number goes into the ID token itself, as FAS does, not only into userinfo.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    ttl: { IdToken: options.idTokenSeconds ?? 3600, AccessToken: 600, Interaction: 600, Session: 3600, Grant: 3600, AuthorizationCode: 60 },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, sub: string) => {
      const citizen = accounts.get(sub);
      return citizen ? { accountId: sub, claims: () => ({ sub, [options.nissClaim]: citizen.niss }) } : undefined;
    },
    // One first-party client: no consent screen, as with FAS for a public service.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session, provider: p } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const existing = session.grantIdFor(client.clientId);
      if (existing) return p.Grant.find(existing);
      const grant = new p.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(`openid ${options.nissScope}`);
      grant.addOIDCClaims([options.nissClaim]);
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();

  const interaction = async (req: IncomingMessage, res: ServerResponse, uid: string, action: string | undefined) => {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error('interaction mismatch');
    if (req.method === 'POST' && action === 'login') {
      const accountId = (await readForm(req)).get('citizen') ?? '';
      if (!accounts.has(accountId)) {
        res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' }).end(page('Citoyen inconnu', '<p>Choisissez un citoyen de la liste.</p>'));
        return;
      }
      await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
      return;
    }
    const choices = [...accounts].map(([id, c], i) => `<li><label><input type="radio" name="citizen" value="${escapeHtml(id)}"${i === 0 ? ' checked' : ''}> ${escapeHtml(c.displayName)} (${escapeHtml(c.niss)})</label></li>`).join('');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('Fournisseur d’identité de démonstration', `
<p>Ceci remplace eID / itsme en démonstration. Personnes fictives uniquement.</p>
<form method="post" action="/interaction/${escapeHtml(uid)}/login"><fieldset><legend>Se connecter comme</legend><ul>${choices}</ul></fieldset>
<button type="submit" id="demo-login">Se connecter</button></form>`));
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const match = /^\/interaction\/([\w-]+)(?:\/(login))?$/.exec((req.url ?? '').split('?')[0] ?? '');
    if (!match) return callback(req, res);
    interaction(req, res, match[1]!, match[2]).catch(() => {
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' }).end(page('Session expirée', '<p>Recommencez la connexion depuis le portail.</p>'));
    });
  });
  return {
    issuer,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

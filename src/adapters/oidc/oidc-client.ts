// The citizen portal's OpenID Connect client (authorization code flow with PKCE, state and nonce)
// on openid-client. The national number is read from a configurable claim of the ID token, as
// the federal authentication service (FAS/CSAM: eID, itsme) gives it. Every way a log-in can fail
// is reduced to one closed set of reasons, so that the page says what happened without echoing
// anything the provider or the browser sent.
import * as client from 'openid-client';

export interface OidcSettings {
  readonly issuer: URL;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The portal's callback, as registered at the provider: https://<host>/citizen/callback. */
  readonly redirectUri: string;
  readonly scope: string;
  /** The ID-token claim that holds the national number (FAS: egovNRN). */
  readonly nissClaim: string;
  /** Only for the local demo provider on 127.0.0.1: a real provider is reached over HTTPS. */
  readonly allowHttp?: boolean;
  readonly timeoutMs?: number;
  /** The application clock: ID-token lifetimes are checked against it. */
  readonly now?: () => Date;
}

export const OIDC_FAILURES = ['state', 'nonce', 'expired', 'issuer', 'unavailable', 'refused', 'invalid'] as const;
export type OidcFailure = (typeof OIDC_FAILURES)[number];

export class OidcLoginError extends Error {
  constructor(readonly reason: OidcFailure) {
    super(`citizen log-in failed: ${reason}`);
    this.name = 'OidcLoginError';
  }
}

/** What the portal keeps between sending the browser away and its return; never sent to the browser. */
export interface PendingLogin {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

export interface OidcLogin {
  /** The portal's callback address, as registered at the provider. */
  readonly redirectUri: string;
  begin(): Promise<{ url: URL; pending: PendingLogin }>;
  /** The national number from the verified ID token, or null when the token carries none. */
  complete(callbackUrl: URL, pending: PendingLogin): Promise<{ niss: string | null }>;
}

interface ErrorLink { code?: unknown; name?: unknown; message?: unknown; claim?: unknown; cause?: unknown }

/** The error and its causes (openid-client wraps oauth4webapi's error, whose cause names the claim). */
function chainOf(error: unknown): ErrorLink[] {
  const links: ErrorLink[] = [];
  for (let e: unknown = error; e !== null && typeof e === 'object' && links.length < 5; e = (e as ErrorLink).cause) links.push(e as ErrorLink);
  return links;
}

/** Maps openid-client's errors onto the closed set of reasons, from their codes: their text never reaches the page. */
export function classifyOidcError(error: unknown): OidcFailure {
  if (error instanceof OidcLoginError) return error.reason;
  if (error instanceof client.AuthorizationResponseError) return 'refused';
  const links = chainOf(error);
  const codes = new Set(links.map((l) => l.code));
  const claims = new Set(links.map((l) => l.claim));
  const text = links.map((l) => (typeof l.message === 'string' ? l.message : '')).join(' ');
  if (codes.has('OAUTH_JWT_TIMESTAMP_CHECK_FAILED')) return 'expired';
  if (claims.has('nonce')) return 'nonce';
  if (claims.has('iss') || text.includes('"iss"')) return 'issuer';
  if (text.includes('"state"')) return 'state';
  if (links.some((l) => l.name === 'TypeError' || l.name === 'AbortError' || l.name === 'TimeoutError' || l.code === 'ECONNREFUSED')) return 'unavailable';
  return 'invalid';
}

export function createOidcLogin(settings: OidcSettings): OidcLogin {
  let configuration: Promise<client.Configuration> | null = null;
  const configure = () => {
    const skewSeconds = settings.now ? Math.round((Date.now() - settings.now().getTime()) / 1000) : 0;
    configuration ??= client.discovery(
      settings.issuer,
      settings.clientId,
      { client_secret: settings.clientSecret, [client.clockSkew]: -skewSeconds },
      client.ClientSecretBasic(settings.clientSecret),
      { execute: settings.allowHttp ? [client.allowInsecureRequests] : [], timeout: Math.ceil((settings.timeoutMs ?? 10_000) / 1000) },
    );
    // A failed discovery (provider down) is tried again at the next log-in, not remembered.
    configuration.catch(() => { configuration = null; });
    return configuration;
  };

  return {
    redirectUri: settings.redirectUri,
    async begin() {
      let config: client.Configuration;
      try {
        config = await configure();
      } catch (error) {
        throw new OidcLoginError(classifyOidcError(error) === 'issuer' ? 'issuer' : 'unavailable');
      }
      const pending: PendingLogin = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: settings.scope,
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url, pending };
    },

    async complete(callbackUrl, pending) {
      try {
        const config = await configure();
        const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (!claims) throw new OidcLoginError('invalid');
        const niss = claims[settings.nissClaim];
        return { niss: typeof niss === 'string' ? niss : null };
      } catch (error) {
        throw new OidcLoginError(classifyOidcError(error));
      }
    },
  };
}

// The citizen portal's configuration, from the environment (README, "Configuration"). In demo mode
// (`npm start` on an empty or demo database, no issuer configured), a local identity provider is
// started on 127.0.0.1 with demo citizens matching demo persons by national number.
import type { DemoCitizen, DemoProvider } from '../adapters/oidc/demo-provider.ts';
import { createOidcLogin } from '../adapters/oidc/oidc-client.ts';
import type { CitizenPortalOptions } from './plugin.ts';

/** FAS (CSAM) gives the national number in the claim egovNRN, released by the scope egovnrn. */
export const FAS_DEFAULTS = { nissClaim: 'egovNRN', nissScope: 'egovnrn' };
export const DEFAULT_DPO_CONTACT = 'dpo@cpas.example';

type Env = Readonly<Record<string, string | undefined>>;

const common = (env: Env) => ({
  cpasCode: env.CONFIANCE_CITIZEN_CPAS ?? '',
  showStaffNames: env.CONFIANCE_CITIZEN_SHOW_STAFF_NAMES === '1',
  dpoContact: env.CONFIANCE_DPO_CONTACT || DEFAULT_DPO_CONTACT,
});

/** A real provider (FAS/CSAM or another) from the environment; null when the portal is not configured. */
export function citizenPortalFromEnv(env: Env, now: () => Date): CitizenPortalOptions | null {
  const issuer = env.CONFIANCE_OIDC_ISSUER;
  if (!issuer) return null;
  const missing = ['CONFIANCE_OIDC_CLIENT_ID', 'CONFIANCE_OIDC_CLIENT_SECRET', 'CONFIANCE_CITIZEN_CPAS', 'CONFIANCE_CITIZEN_BASE_URL'].filter((name) => !env[name]);
  if (missing.length > 0) throw new Error(`citizen portal: ${missing.join(', ')} must be set with CONFIANCE_OIDC_ISSUER`);
  return {
    ...common(env),
    oidc: createOidcLogin({
      issuer: new URL(issuer),
      clientId: env.CONFIANCE_OIDC_CLIENT_ID!,
      clientSecret: env.CONFIANCE_OIDC_CLIENT_SECRET!,
      redirectUri: new URL('/citizen/callback', env.CONFIANCE_CITIZEN_BASE_URL).href,
      scope: env.CONFIANCE_OIDC_SCOPE || `openid ${FAS_DEFAULTS.nissScope}`,
      nissClaim: env.CONFIANCE_OIDC_NISS_CLAIM || FAS_DEFAULTS.nissClaim,
      now,
    }),
  };
}

/** The local demo provider and a portal that trusts it: for tests, development and demo mode only. */
export async function startDemoPortal(input: {
  cpasCode: string;
  citizens: readonly DemoCitizen[];
  /** Where the application listens, e.g. http://127.0.0.1:3000. */
  appBaseUrl: string;
  providerPort?: number;
  now?: () => Date;
  showStaffNames?: boolean;
  idTokenSeconds?: number;
}): Promise<{ options: CitizenPortalOptions; provider: DemoProvider }> {
  const redirectUri = new URL('/citizen/callback', input.appBaseUrl).href;
  const client = { clientId: 'confiance-demo-portal', clientSecret: 'demo-only-secret-not-for-production' };
  // Loaded here, not with the module: every command imports this file through `serve`, and
  // oidc-provider (demo only) warns on stderr at load under Node 20, polluting every command's
  // output (the DPO's offline `audit verify --archive` included) for a provider it never starts.
  const { startDemoProvider } = await import('../adapters/oidc/demo-provider.ts');
  const provider = await startDemoProvider({
    ...client, redirectUri, citizens: input.citizens, nissClaim: FAS_DEFAULTS.nissClaim, nissScope: FAS_DEFAULTS.nissScope,
    port: input.providerPort, idTokenSeconds: input.idTokenSeconds,
  });
  const options: CitizenPortalOptions = {
    cpasCode: input.cpasCode,
    showStaffNames: input.showStaffNames ?? false,
    dpoContact: DEFAULT_DPO_CONTACT,
    oidc: createOidcLogin({
      issuer: new URL(provider.issuer), ...client, redirectUri, scope: `openid ${FAS_DEFAULTS.nissScope}`, nissClaim: FAS_DEFAULTS.nissClaim,
      allowHttp: true, now: input.now, timeoutMs: 3_000,
    }),
  };
  return { options, provider };
}

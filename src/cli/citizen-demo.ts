// Demo mode of the citizen portal: a local identity provider whose demo citizens are the first
// persons of a demo CPAS (by national number), plus one national number the CPAS does not know,
// to show that such a visitor sees the same pages with nothing in them.
import type { DemoProvider } from '../adapters/oidc/demo-provider.ts';
import { startDemoPortal } from '../citizen/config.ts';
import type { CitizenPortalOptions } from '../citizen/plugin.ts';
import { generateDemo } from '../demo/generate.ts';
import { makeNiss } from '../domain/niss.ts';
import { DEMO_SEED } from './demo.ts';

const CITIZENS_SHOWN = 6;

export async function startCitizenDemo(appBaseUrl: string, cpasCode: string, providerPort: number): Promise<{ options: CitizenPortalOptions; provider: DemoProvider } | null> {
  const cpas = generateDemo(DEMO_SEED).cpas.find((c) => c.code === cpasCode);
  if (!cpas) return null;
  const citizens = cpas.persons
    .filter((p) => p.person.niss)
    .slice(0, CITIZENS_SHOWN)
    .map((p) => ({ niss: p.person.niss!, displayName: `${p.person.givenNames} ${p.person.familyName}` }));
  citizens.push({ niss: makeNiss('1970-01-01', 997), displayName: 'Inconnu·e du CPAS / Onbekend bij het OCMW' });
  return startDemoPortal({ cpasCode, citizens, appBaseUrl, providerPort });
}

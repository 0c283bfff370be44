// The file the portal's tests look at: one person of Namur with every part of a file and a canary
// in every secret field (src/testing/requests.ts), accesses by staff of several roles, a
// break-glass with a canary in its reason, and an authority's request about them (canaries in the
// request) whose handling must stay out of their view. Beside it: another person of the same CPAS
// (their own canaries), and a person of Liège with the same national number.
import { openBreakGlass } from '../../app/break-glass.ts';
import type { AppContext } from '../../app/context.ts';
import { createPerson } from '../../app/create-person.ts';
import { openPersonFile } from '../../app/open-person-file.ts';
import { makeNiss } from '../../domain/niss.ts';
import type { TestCpas } from '../../testing/fixtures.ts';
import { assessedRequest, prosecutorRequest, seedPersonFile } from '../../testing/requests.ts';

export interface PlantedFile {
  readonly personId: string;
  readonly niss: string;
  readonly familyName: string;
  /** Strings that must never reach the person through the portal. */
  readonly canaries: readonly string[];
  /** What would betray the authority's request. */
  readonly authorityTraces: readonly string[];
  readonly otherPersonId: string;
  readonly otherNiss: string;
  readonly otherCanaries: readonly string[];
  readonly foreignPersonId: string;
  /** A valid national number that is no person of the portal's CPAS. */
  readonly unknownNiss: string;
}

const AUTHORITY_REFERENCE = 'NA.77.AUTHCANARY/26';

export async function plantCitizenFile(ctx: AppContext, cpas: TestCpas, other: TestCpas): Promise<PlantedFile> {
  const person = await seedPersonFile(ctx, cpas, { familyName: 'Dubois', givenNames: 'Marie', canary: 'CANARY-CITIZEN' });
  const neighbour = await seedPersonFile(ctx, cpas, { familyName: 'Voisin', givenNames: 'Jean', birthDate: '1979-02-11', canary: 'CANARY-NEIGHBOUR' });
  const { personId: foreignPersonId } = await createPerson(ctx, other.actors['administrative-agent'], {
    purpose: 'intake', person: { niss: person.niss, familyName: 'Homonyme', givenNames: 'Liège' },
  });
  await openPersonFile(ctx, cpas.actors['social-worker'], { personId: person.personId, purpose: 'case-follow-up' });
  await openPersonFile(ctx, cpas.actors['administrative-agent'], { personId: person.personId, purpose: 'administrative-processing' });
  const breakGlassReason = 'BREAKGLASS-CANARY: her worker is ill and she called in distress';
  await openBreakGlass(ctx, cpas.actors['other-social-worker'], { personId: person.personId, purpose: 'case-follow-up', reason: breakGlassReason });
  await openPersonFile(ctx, cpas.actors['other-social-worker'], { personId: person.personId, purpose: 'case-follow-up' });
  const requestId = await assessedRequest(ctx, cpas, prosecutorRequest([person.niss], ['identity', 'domicile-address']), {
    reference: AUTHORITY_REFERENCE, files: [person.personId],
  });
  return {
    personId: person.personId,
    niss: person.niss,
    familyName: person.familyName,
    canaries: [
      ...person.canaries,
      'BREAKGLASS-CANARY',
      // Administrative, but not for the portal: the decision's motivation and the Crossroads Bank record.
      'Conditions légales remplies',
      'allocations de chômage',
    ],
    authorityTraces: [AUTHORITY_REFERENCE, 'M. Dupont', 'Parquet de Namur', requestId, 'authority-request'],
    otherPersonId: neighbour.personId,
    otherNiss: neighbour.niss,
    otherCanaries: [...neighbour.canaries, neighbour.familyName],
    foreignPersonId,
    unknownNiss: makeNiss('1970-01-01', 997),
  };
}

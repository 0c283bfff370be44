import { z } from 'zod';
import { addAddress, addHouseholdMember, recordDecision, submitApplication } from '../../app/add-person-records.ts';
import type { AppContext } from '../../app/context.ts';
import { createPerson } from '../../app/create-person.ts';
import { openPersonFile } from '../../app/open-person-file.ts';
import { searchPersons } from '../../app/search-persons.ts';
import { updatePerson } from '../../app/update-person.ts';
import {
  addressInput, applicationInput, decisionInput, householdMemberInput, personInput, personPatch, purposeSchema, searchRequest,
} from '../../domain/schemas.ts';
import { actorOf, anyObject, type Api, asPurpose, created, errors, personParams, purposeQuery } from './common.ts';

const withPurpose = <T extends z.ZodRawShape>(shape: T) => z.object({ ...shape, purpose: purposeSchema }).strict();

export function registerPersonRoutes(api: Api, ctx: AppContext): void {
  // Search criteria are personal data (national number, name, birth date): they travel in a
  // POSTed body, never in a URL, where proxies, browsers and server logs would keep them.
  api.post('/persons/search', {
    schema: {
      tags: ['persons'],
      summary: 'Search persons by NISS, name (start of "family given") or birth date; logged with the result count',
      body: searchRequest,
      response: { 200: z.object({ persons: z.array(z.object({ personId: z.string(), familyName: z.string(), givenNames: z.string(), birthDate: z.string().nullable(), niss: z.string().nullable() })) }), ...errors },
    },
  }, async (request) => {
    const { purpose, ...criteria } = request.body;
    return { persons: await searchPersons(ctx, actorOf(request), { ...criteria, purpose: asPurpose(purpose) }) };
  });

  api.post('/persons', {
    schema: {
      tags: ['persons'],
      summary: 'Create a person with identity and, optionally, addresses and household',
      body: z.object({ person: personInput, addresses: z.array(addressInput).max(20).optional(), household: z.array(householdMemberInput).max(30).optional(), purpose: purposeSchema }).strict(),
      response: { 201: created('personId'), ...errors },
    },
  }, async (request, reply) => {
    const body = request.body;
    return reply.code(201).send(await createPerson(ctx, actorOf(request), { ...body, purpose: asPurpose(body.purpose) }));
  });

  api.get('/persons/:personId', {
    schema: {
      tags: ['persons'],
      summary: "Open a person's file: every data class the caller may read for this purpose, and what was withheld",
      params: personParams,
      querystring: purposeQuery,
      response: { 200: anyObject, ...errors },
    },
  }, async (request) => {
    const { personId } = request.params;
    return openPersonFile(ctx, actorOf(request), { personId, purpose: asPurpose(request.query.purpose) });
  });

  api.patch('/persons/:personId', {
    schema: { tags: ['persons'], summary: 'Change identity, contact details or payment account', params: personParams, body: withPurpose({ patch: personPatch }), response: { 204: z.null(), ...errors } },
  }, async (request, reply) => {
    const { personId } = request.params;
    const body = request.body;
    await updatePerson(ctx, actorOf(request), { personId, purpose: asPurpose(body.purpose), patch: body.patch });
    return reply.code(204).send(null);
  });

  // One record added to a file: the body is { <field>: the record, purpose }, the answer its id.
  const addSchema = <B extends z.ZodType>(summary: string, body: B, idName: string) =>
    ({ tags: ['persons'], summary, params: personParams, body, response: { 201: created(idName), ...errors } });
  api.post('/persons/:personId/addresses', { schema: addSchema('Add an address (domicile, residence, reference or earlier)', withPurpose({ address: addressInput }), 'addressId') },
    async (request, reply) => reply.code(201).send(await addAddress(ctx, actorOf(request), { personId: request.params.personId, purpose: asPurpose(request.body.purpose), address: request.body.address })));
  api.post('/persons/:personId/household', { schema: addSchema('Add a household member', withPurpose({ member: householdMemberInput }), 'memberId') },
    async (request, reply) => reply.code(201).send(await addHouseholdMember(ctx, actorOf(request), { personId: request.params.personId, purpose: asPurpose(request.body.purpose), member: request.body.member })));
  api.post('/persons/:personId/applications', { schema: addSchema('Record an application and what the person communicated in it', withPurpose({ application: applicationInput }), 'applicationId') },
    async (request, reply) => reply.code(201).send(await submitApplication(ctx, actorOf(request), { personId: request.params.personId, purpose: asPurpose(request.body.purpose), application: request.body.application })));
  api.post('/persons/:personId/decisions', { schema: addSchema('Record a decision on an application', withPurpose({ decision: decisionInput }), 'decisionId') },
    async (request, reply) => reply.code(201).send(await recordDecision(ctx, actorOf(request), { personId: request.params.personId, purpose: asPurpose(request.body.purpose), decision: request.body.decision })));
}

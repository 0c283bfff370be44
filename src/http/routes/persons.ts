import type { FastifyInstance } from 'fastify';
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
import { actorOf, asPurpose, created, errors, personParams, purposeQuery } from './common.ts';

const withPurpose = <T extends z.ZodRawShape>(shape: T) => z.object({ ...shape, purpose: purposeSchema }).strict();

export function registerPersonRoutes(api: FastifyInstance, ctx: AppContext): void {
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
    const { purpose, ...criteria } = request.body as z.infer<typeof searchRequest>;
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
    const body = request.body as Parameters<typeof createPerson>[2];
    return reply.code(201).send(await createPerson(ctx, actorOf(request), { ...body, purpose: asPurpose(body.purpose) }));
  });

  api.get('/persons/:personId', {
    schema: {
      tags: ['persons'],
      summary: "Open a person's file: every data class the caller may read for this purpose, and what was withheld",
      params: personParams,
      querystring: purposeQuery,
      response: { 200: z.object({}).passthrough(), ...errors },
    },
  }, async (request) => {
    const { personId } = request.params as { personId: string };
    return openPersonFile(ctx, actorOf(request), { personId, purpose: asPurpose((request.query as { purpose: string }).purpose) });
  });

  api.patch('/persons/:personId', {
    schema: { tags: ['persons'], summary: 'Change identity, contact details or payment account', params: personParams, body: withPurpose({ patch: personPatch }), response: { 204: z.null(), ...errors } },
  }, async (request, reply) => {
    const { personId } = request.params as { personId: string };
    const body = request.body as { patch: z.infer<typeof personPatch>; purpose: string };
    await updatePerson(ctx, actorOf(request), { personId, purpose: asPurpose(body.purpose), patch: body.patch });
    return reply.code(204).send(null);
  });

  const addRoute = <S extends z.ZodType, R>(path: string, summary: string, field: string, schema: S, idName: string,
    run: (personId: string, purpose: ReturnType<typeof asPurpose>, value: z.infer<S>, actor: ReturnType<typeof actorOf>) => Promise<R>) => {
    api.post(`/persons/:personId/${path}`, {
      schema: { tags: ['persons'], summary, params: personParams, body: withPurpose({ [field]: schema }), response: { 201: created(idName), ...errors } },
    }, async (request, reply) => {
      const { personId } = request.params as { personId: string };
      const body = request.body as Record<string, unknown> & { purpose: string };
      return reply.code(201).send(await run(personId, asPurpose(body.purpose), body[field] as z.infer<S>, actorOf(request)));
    });
  };
  addRoute('addresses', 'Add an address (domicile, residence, reference or earlier)', 'address', addressInput, 'addressId',
    (personId, purpose, address, actor) => addAddress(ctx, actor, { personId, purpose, address }));
  addRoute('household', 'Add a household member', 'member', householdMemberInput, 'memberId',
    (personId, purpose, member, actor) => addHouseholdMember(ctx, actor, { personId, purpose, member }));
  addRoute('applications', 'Record an application and what the person communicated in it', 'application', applicationInput, 'applicationId',
    (personId, purpose, application, actor) => submitApplication(ctx, actor, { personId, purpose, application }));
  addRoute('decisions', 'Record a decision on an application', 'decision', decisionInput, 'decisionId',
    (personId, purpose, decision, actor) => recordDecision(ctx, actor, { personId, purpose, decision }));
}

// The professional-secrecy guide « Puis-je parler ? »: the same JSON in and out as
// `confiance guide assess`, under the actor's CPAS configuration; and that configuration.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { assessGuideFor, currentGuideSettings } from '../../app/guide/assess-guide.ts';
import { configureGuide } from '../../app/guide/configure-guide.ts';
import { readDisclosureStatistics } from '../../app/guide/disclosure-statistics.ts';
import { recordDisclosure } from '../../app/guide/record-disclosure.ts';
import type { AppContext } from '../../app/context.ts';
import { DomainError } from '../../domain/errors.ts';
import { disclosureRecordInput } from '../../domain/guide/disclosure-record.ts';
import { guideAnswerSchema, guideInputSchema, guideSettingsBody } from '../../domain/guide/schemas.ts';
import { actorOf, created, errors, personParams } from './common.ts';

const TAGS = ['guide'];

/** The body as text: parsed here so that even non-JSON gets the contract's one line, and never echoed. */
function readBody(body: unknown): unknown {
  if (typeof body !== 'string' || body.trim() === '') throw new DomainError('invalid-input', 'input: expected a JSON object in the body', 'input');
  try {
    return JSON.parse(body.replace(/^\uFEFF/, ''));
  } catch {
    throw new DomainError('invalid-input', 'input: the body is not valid JSON', 'input');
  }
}

export async function registerGuideRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  await api.register(async (scope) => {
    // Fastify's own JSON parser would answer malformed JSON in its words, and zod would validate the
    // body in its own order: parseGuideInput alone reads the input, as the contract orders the faults.
    // Any media type is read as text and parsed here: a JSON body sent as text/plain (curl without a
    // header) is still assessed, and no media type can make Fastify answer with its own error.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    scope.post('/guide/assess', {
      schema: {
        tags: TAGS,
        summary: 'The professional-secrecy guide: may I speak? (contract in docs/legal-model.md, tables H to K)',
        body: guideInputSchema,
        response: { 200: guideAnswerSchema, ...errors },
      },
      // The schema documents the input; parseGuideInput validates it.
      validatorCompiler: () => (data: unknown) => ({ value: data }),
    }, async (request) => assessGuideFor(ctx, actorOf(request), readBody(request.body)));
  });

  api.post('/persons/:personId/guide-disclosures', {
    schema: {
      tags: TAGS,
      summary: 'Record in the file what was done after the guide: a disclosure under its ground (closed list) or a refusal; sealed, logged as "disclosure"',
      params: personParams,
      body: disclosureRecordInput,
      response: { 201: created('recordId'), ...errors },
    },
  }, async (request, reply) => {
    const { personId } = request.params as z.infer<typeof personParams>;
    return reply.code(201).send(await recordDisclosure(ctx, actorOf(request), personId, request.body));
  });

  api.get('/guide/disclosure-statistics', {
    schema: {
      tags: TAGS,
      summary: 'Disclosures recorded after the guide, by ground and year, counts of 1 to 4 suppressed (DPO, head of social service)',
      response: { 200: z.object({ years: z.array(z.object({ year: z.number(), byGround: z.object({}).passthrough() })) }), ...errors },
    },
  }, async (request) => ({ years: await readDisclosureStatistics(ctx, actorOf(request)) }));

  api.get('/guide/settings', {
    schema: {
      tags: TAGS,
      summary: "The guide configuration in force in the actor's CPAS (version 0: the default)",
      response: { 200: z.object({ version: z.number(), config: z.object({ id: z.string(), externalSharedSecrecy: z.enum(['on', 'off']) }), decisionRef: z.string().nullable() }), ...errors },
    },
  }, async (request) => {
    const { version, config, decisionRef } = await currentGuideSettings(ctx, actorOf(request));
    return { version, config, decisionRef };
  });

  api.put('/guide/settings', {
    schema: {
      tags: TAGS,
      summary: "New guide configuration (directeur général), applying the legal service's decision on the CHECK switch",
      body: guideSettingsBody,
      response: { 200: z.object({ version: z.number(), configId: z.string() }), ...errors },
    },
  }, async (request) => configureGuide(ctx, actorOf(request), request.body as z.infer<typeof guideSettingsBody>));
}

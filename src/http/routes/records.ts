// Secret records and attachments. Bodies carry the secret text; it is validated, sealed and
// stored, and never echoed in an answer or an error.
import { z } from 'zod';
import { addAttachment, readAttachment } from '../../app/attachments.ts';
import type { AppContext } from '../../app/context.ts';
import { writeSecretRecord } from '../../app/write-secret-record.ts';
import type { ItemCategory } from '../../domain/data-classes.ts';
import { attachmentInput, caseNoteInput, medicalDocumentInput, piisInput, socialReportInput } from '../../domain/schemas.ts';
import type { SecretRecordKindName } from '../../domain/secret-records.ts';
import { actorOf, type Api, asPurpose, created, errors, personParams, purposeQuery } from './common.ts';
import { sendDownload } from '../download.ts';

type SecretBody = Record<string, string | null | undefined> & { purpose: string };

const SECRET_ROUTES: { path: string; kind: SecretRecordKindName; schema: z.ZodType<SecretBody>; summary: string; toInput: (b: SecretBody) => { date?: string; plain?: Record<string, string>; sealed: Record<string, string | null | undefined> } }[] = [
  { path: 'social-reports', kind: 'social-report', schema: socialReportInput, summary: 'Write a social report (situation and professional assessment)',
    toInput: (b) => ({ date: b.writtenOn!, plain: { language: b.language! }, sealed: { situation: b.situation, assessment: b.assessment } }) },
  { path: 'case-notes', kind: 'case-note', schema: caseNoteInput, summary: 'Write a case note', toInput: (b) => ({ sealed: { body: b.body } }) },
  { path: 'medical-documents', kind: 'medical-document', schema: medicalDocumentInput, summary: 'Record a medical document',
    toInput: (b) => ({ date: b.issuedOn!, sealed: { description: b.description } }) },
  { path: 'piis', kind: 'piis', schema: piisInput, summary: 'Record a PIIS (projet individualisé d’intégration sociale)',
    toInput: (b) => ({ date: b.signedOn!, sealed: { objectives: b.objectives, evaluation: b.evaluation } }) },
];

export function registerRecordRoutes(api: Api, ctx: AppContext): void {
  for (const route of SECRET_ROUTES) {
    api.post(`/persons/:personId/${route.path}`, {
      schema: { tags: ['secret records'], summary: route.summary, params: personParams, body: route.schema, response: { 201: created('recordId'), ...errors } },
    }, async (request, reply) => {
      const { personId } = request.params;
      const body = request.body;
      const result = await writeSecretRecord(ctx, actorOf(request), { personId, purpose: asPurpose(body.purpose), kind: route.kind, ...route.toInput(body) });
      return reply.code(201).send(result);
    });
  }

  api.post('/persons/:personId/attachments', {
    schema: { tags: ['attachments'], summary: 'Attach a file (base64) with its data class; secret classes are encrypted', params: personParams, body: attachmentInput, response: { 201: created('attachmentId'), ...errors } },
  }, async (request, reply) => {
    const { personId } = request.params;
    const body = request.body;
    const result = await addAttachment(ctx, actorOf(request), {
      personId, purpose: asPurpose(body.purpose), dataClass: body.dataClass as ItemCategory, fileName: body.fileName, mediaType: body.mediaType,
      content: Buffer.from(body.contentBase64, 'base64'),
    });
    return reply.code(201).send(result);
  });

  api.get('/attachments/:attachmentId', {
    schema: { tags: ['attachments'], summary: 'Download an attachment', params: z.object({ attachmentId: z.string().uuid() }), querystring: purposeQuery },
  }, async (request, reply) => {
    const { attachmentId } = request.params;
    const file = await readAttachment(ctx, actorOf(request), { attachmentId, purpose: asPurpose(request.query.purpose) });
    return sendDownload(reply, file);
  });
}

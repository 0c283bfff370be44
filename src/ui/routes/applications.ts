// Recording an application for aid from the person's file: the kind first, then its fields. The
// same zod schema as the API validates (applicationInput); a bad value comes back naming its field,
// with everything typed kept. The form is shown only if its post would be allowed (checkPersonWrite).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { submitApplication } from '../../app/add-person-records.ts';
import { checkPersonWrite } from '../../app/person-access.ts';
import {
  APPLICATION_KINDS, type ApplicationKind, DECLARATION_FIELDS, type DeclarationField, FIELDS_OF_KIND, isDeclarationKey,
} from '../../domain/application-forms.ts';
import { todayIn } from '../../domain/calendar-date.ts';
import { applicationInput } from '../../domain/schemas.ts';
import type { FieldError } from '../components.ts';
import { asForm, dateParts, fieldErrors, type FieldSpec, type FormBody, formText, isoFromParts, partsFromIso } from '../forms.ts';
import type { Translator } from '../i18n/index.ts';
import { type ApplicationFormValues, applicationFormPage, fieldLabel, fieldName } from '../pages/application-form.ts';
import type { UiDeps } from '../plugin.ts';
import { seeOther, sendPage, sessionOf, uiOf, urlText } from '../request.ts';
import { askPurpose, choosable, personIdOf } from './persons.ts';

/** A number as a Belgian page writes it (1 250,50 or 1.250,50 or 1250.5); the text itself when it is none, for the schema to refuse. */
export function numberFromForm(text: string): number | string {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  const decimal = /^\d{1,3}(\.\d{3})+(,\d+)?$/.test(compact) ? compact.replace(/\./g, '').replace(',', '.') : compact.replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(decimal) ? Number(decimal) : text;
}

/** One declared value for the schema: absent when left empty, typed by its field, the raw text when it does not read. */
function declared(field: DeclarationField, text: string): unknown {
  if (text.trim() === '') return undefined;
  if (field.type === 'yes-no') return text === 'yes' ? true : text === 'no' ? false : text;
  if (field.type === 'money' || field.type === 'count') return numberFromForm(text);
  return text;
}

/** The form as typed; only the fields of the kind chosen, so a field of another kind added by hand is never read. */
function readForm(body: FormBody): ApplicationFormValues {
  const kind = formText(body, 'kind');
  const declarations: Record<string, string> = {};
  for (const key of (APPLICATION_KINDS as readonly string[]).includes(kind) ? FIELDS_OF_KIND[kind as ApplicationKind] : []) {
    const text = formText(body, fieldName(key));
    if (text !== '') declarations[key] = text;
  }
  return { kind, submittedOn: dateParts(body, 'submittedOn'), channel: formText(body, 'channel'), declarations };
}

/** The schema's issues as the form's fields: a declaration's path (communicated, key) is its prefixed input. */
function formErrors(t: Translator, error: Parameters<typeof fieldErrors>[0]): Record<string, FieldError> {
  const specs: Record<string, FieldSpec> = {
    kind: { id: 'kind', label: t.t('application.kind'), kind: 'choice' },
    submittedOn: { id: 'submittedOn', label: t.t('application.submittedOn'), kind: 'date' },
    channel: { id: 'channel', label: t.t('field.channel'), kind: 'choice' },
  };
  for (const [key, field] of Object.entries(DECLARATION_FIELDS) as [string, DeclarationField][]) {
    const label = fieldLabel(t, field);
    const numeric = field.type === 'money' || field.type === 'count';
    specs[fieldName(key)] = {
      id: fieldName(key), label, kind: field.type === 'yes-no' ? 'choice' : 'text',
      ...(numeric ? { messages: { required: t.t('application.error.number', { field: label }) } } : {}),
    };
  }
  const issues = error.issues.map((issue) =>
    issue.path[0] === 'communicated' && isDeclarationKey(String(issue.path[1])) ? { ...issue, path: [fieldName(String(issue.path[1]))] } : issue);
  return fieldErrors({ ...error, issues } as typeof error, specs, t);
}

export function registerApplicationRoutes(ui: FastifyInstance, { ctx, purposes }: UiDeps): void {
  /** The file's purpose, and the refusal page now if the post would be refused. */
  const writable = async (request: FastifyRequest, personId: string) => {
    const purpose = purposes.recall(sessionOf(request).sessionId, personId);
    if (purpose) await checkPersonWrite(ctx, sessionOf(request).actor, { personId, purpose, categories: ['application-data'], logAction: 'create' });
    return purpose;
  };

  ui.get('/persons/:personId/applications/new', async (request, reply) => {
    const personId = personIdOf(request);
    const purpose = await writable(request, personId);
    if (!purpose) return seeOther(reply, `/persons/${personId}`);
    const values = { kind: urlText(request, 'query', 'kind'), submittedOn: partsFromIso(todayIn(ctx.now)), channel: 'desk', declarations: {} };
    return sendPage(request, reply, applicationFormPage(uiOf(request).t, { personId, purpose, csrfToken: sessionOf(request).csrfToken, values, errors: {} }));
  });

  ui.post('/persons/:personId/applications', async (request, reply) => {
    const { t } = uiOf(request);
    const session = sessionOf(request);
    const personId = personIdOf(request);
    const body = asForm(request.body);
    const purpose = choosable(request, formText(body, 'purpose'));
    if (!purpose) return askPurpose(request, reply, personId, null, true);
    const values = readForm(body);
    const communicated = Object.fromEntries(Object.entries(values.declarations).flatMap(([key, text]) =>
      isDeclarationKey(key) ? [[key, declared(DECLARATION_FIELDS[key], text)]] : []).filter(([, v]) => v !== undefined));
    const parsed = applicationInput.safeParse({ kind: values.kind, submittedOn: isoFromParts(values.submittedOn), channel: values.channel || undefined, communicated });
    if (!parsed.success) {
      const view = { personId, purpose, csrfToken: session.csrfToken, values, errors: formErrors(t, parsed.error) };
      return sendPage(request, reply, applicationFormPage(t, view), 400);
    }
    await submitApplication(ctx, session.actor, { personId, purpose, application: parsed.data });
    purposes.remember(session.sessionId, personId, purpose);
    return seeOther(reply, `/persons/${personId}?saved=application`);
  });
}

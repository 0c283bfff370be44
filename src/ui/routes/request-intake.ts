// The intake form of the register, read and checked in one place: a new request and the completion
// of a returned one are the same form, so both are held to the same contract and the same messages.
import type { RequestDetail } from '../../app/requests/read-request.ts';
import { parseRequestJson } from '../../app/requests/record-request.ts';
import { calendarDateDefect } from '../../domain/calendar-date.ts';
import { DomainError } from '../../domain/errors.ts';
import { checkNiss } from '../../domain/niss.ts';
import { AUTHOR_ROLES, CHANNELS } from '../../domain/requests/assess.ts';
import { ITEM_CATEGORIES } from '../../domain/requests/items.ts';
import { parseOffenceReference } from '../../domain/requests/offences.ts';
import { recordRequestBody } from '../../domain/requests/register-schemas.ts';
import type { FieldError } from '../components.ts';
import { asForm, dateParts, fieldErrors, type FormBody, formList, formText, isoFromParts, optional, partsFromIso, type UploadedFile } from '../forms.ts';
import type { TextKey, Translator } from '../i18n/index.ts';
import { emptySubject, type IntakeValues, SUBJECT_SLOTS } from '../pages/register.ts';

/** Only values of the register's vocabularies are taken from the address; anything else is dropped. */
export function intakePrefill(query: unknown): { authorRole: string; channel: string; items: string[] } {
  const q = asForm(query);
  const authorRole = formText(q, 'authorRole');
  const channel = formText(q, 'channel');
  return {
    authorRole: (AUTHOR_ROLES as readonly string[]).includes(authorRole) ? authorRole : '',
    channel: (CHANNELS as readonly string[]).includes(channel) ? channel : '',
    items: ITEM_CATEGORIES.filter((item) => formList(q, 'items').includes(item)),
  };
}

/** The intake form as typed, for showing it again. */
export function intakeValues(body: FormBody): IntakeValues {
  return {
    authorRole: formText(body, 'authorRole'),
    authorName: formText(body, 'authorName'),
    authorOffice: formText(body, 'authorOffice'),
    channel: formText(body, 'channel'),
    dated: dateParts(body, 'dated'),
    received: dateParts(body, 'received'),
    reference: formText(body, 'reference'),
    answerBy: dateParts(body, 'answerBy'),
    reasoned: formText(body, 'reasoned'),
    reasonsText: formText(body, 'reasonsText'),
    offences: formText(body, 'offences'),
    offenceCode: formText(body, 'offenceCode'),
    subjects: Array.from({ length: SUBJECT_SLOTS }, (_, i) => ({
      niss: formText(body, `subject${i + 1}-niss`).trim(),
      name: formText(body, `subject${i + 1}-name`).trim(),
      birthDate: dateParts(body, `subject${i + 1}-birthDate`),
    })),
    items: formList(body, 'items'),
  };
}

const MAX_TEXT = 200;

/** The intake form's element for a field of the assessment contract (request.subjects[0].niss -> subject1-niss). */
function contractFieldId(field: string): string {
  const subject = /^request\.subjects\[(\d+)\]\.?(niss|name|birthDate)?/.exec(field);
  if (subject) return `subject${Number(subject[1]) + 1}-${subject[2] ?? 'name'}`;
  const ids: Readonly<Record<string, string>> = {
    'request.author.role': 'authorRole', 'request.author.name': 'authorName', 'request.author.office': 'authorOffice', 'request.channel': 'channel',
    'request.dated': 'dated', 'request.received': 'received', 'request.reasoned': 'reasoned', 'request.offenceCode': 'offenceCode', 'request.offences': 'offences', 'request.items': 'items',
  };
  return Object.entries(ids).find(([prefix]) => field.startsWith(prefix))?.[1] ?? 'authorRole';
}

const FIELD_LABELS: Readonly<Record<string, TextKey>> = {
  authorRole: 'intake.authorRole', authorName: 'intake.authorName', authorOffice: 'intake.authorOffice', channel: 'intake.channel', dated: 'intake.dated',
  received: 'intake.received', reasoned: 'intake.reasoned', offenceCode: 'intake.offenceCode', offences: 'intake.offences', items: 'intake.items',
  'subject-niss': 'intake.subjectNiss', 'subject-name': 'intake.subjectName', 'subject-birthDate': 'intake.subjectBirthDate',
};
const ACCEPTED_LETTER = /^(application\/pdf|image\/(jpeg|png|tiff))$/;

/**
 * Checks the intake and builds the request as the assessment contract reads it. Messages name the
 * field, never its value (a national number typed wrong is not echoed into a message).
 */
export function readIntake(t: Translator, values: IntakeValues, file: UploadedFile | null) {
  const errors: Record<string, FieldError> = {};
  const fail = (id: string, message: string) => {
    errors[id] ??= { id, message };
  };
  const date = (id: string, label: string, parts: IntakeValues['dated'], required: boolean): string | undefined => {
    const iso = isoFromParts(parts);
    if (iso === undefined) {
      if (required) fail(id, t.t('error.required', { field: label }));
      return undefined;
    }
    if (iso === 'invalid' || calendarDateDefect(iso) !== null) {
      fail(id, t.t('error.date', { field: label }));
      return undefined;
    }
    return iso;
  };
  if (!(AUTHOR_ROLES as readonly string[]).includes(values.authorRole)) fail('authorRole', t.t('intake.error.authorRole'));
  if (!(CHANNELS as readonly string[]).includes(values.channel)) fail('channel', t.t('intake.error.channel'));
  for (const [id, label] of [['authorName', 'intake.authorName'], ['authorOffice', 'intake.authorOffice']] as const) {
    if (values[id].trim().length > MAX_TEXT) fail(id, t.t('error.tooLong', { field: t.t(label) }));
  }
  const dated = date('dated', t.t('intake.dated'), values.dated, true);
  const received = date('received', t.t('intake.received'), values.received, false);
  // What the register adds around the request goes through the API's own schema (recordRequestBody).
  const around = recordRequestBody.pick({ reference: true, answerBy: true, reasonsText: true }).safeParse({
    reference: optional(values.reference.trim()) ?? null, answerBy: isoFromParts(values.answerBy) ?? null, reasonsText: optional(values.reasonsText) ?? null,
  });
  if (!around.success) {
    for (const error of Object.values(fieldErrors(around.error, {
      reference: { id: 'reference', label: t.t('intake.reference') },
      answerBy: { id: 'answerBy', label: t.t('intake.answerBy'), kind: 'date' },
      reasonsText: { id: 'reasonsText', label: t.t('intake.reasonsText') },
    }, t))) fail(error.id, error.message);
  }
  if (dated && received && received < dated) fail('received', t.t('intake.error.receivedBeforeDated'));
  if (values.reasoned !== 'yes' && values.reasoned !== 'no') fail('reasoned', t.t('intake.error.reasoned'));
  const offences = values.offences.split(/[,;]/).map((a) => a.trim()).filter(Boolean);
  for (const article of offences) {
    try {
      parseOffenceReference(article);
    } catch {
      fail('offences', t.t('intake.error.offence'));
    }
  }
  const offenceCode = values.offenceCode === '1867' || values.offenceCode === '2024' ? values.offenceCode : undefined;
  if (!offenceCode && values.offenceCode !== '' && values.offenceCode !== 'unsaid') fail('offenceCode', t.t('error.choose', { field: t.t('intake.offenceCode') }));
  const subjects = values.subjects.flatMap((s, i) => {
    const id = `subject${i + 1}`;
    const birthDate = date(`${id}-birthDate`, t.t('intake.subjectBirthDate'), s.birthDate, false);
    if (!s.niss && !s.name && !isoFromParts(s.birthDate)) return [];
    let niss: string | undefined;
    if (s.niss) {
      const checked = checkNiss(s.niss);
      if (checked.ok) niss = checked.niss;
      else fail(`${id}-niss`, t.t('error.niss'));
    }
    if (!s.niss && !s.name) fail(`${id}-name`, t.t('intake.error.subjectName'));
    if (s.name.length > MAX_TEXT) fail(`${id}-name`, t.t('error.tooLong', { field: t.t('intake.subjectName') }));
    return [{ ...(niss ? { niss } : {}), ...(s.name ? { name: s.name } : {}), ...(birthDate ? { birthDate } : {}) }];
  });
  if (!values.items.every((i) => (ITEM_CATEGORIES as readonly string[]).includes(i))) fail('items', t.t('error.choose', { field: t.t('intake.items') }));
  let letter: UploadedFile | null = null;
  if (file) {
    if (!ACCEPTED_LETTER.test(file.mediaType)) fail('letter', t.t('intake.error.letterType'));
    // Only the base name, with nothing a header or a file system could misread.
    const fileName = (file.fileName.split(/[\\/]/).pop() ?? '').replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(-MAX_TEXT) || 'lettre.pdf';
    letter = { ...file, fileName };
  }
  if (Object.keys(errors).length > 0 || !around.success) return { errors, input: null };
  let request;
  try {
    request = parseRequestJson({
      dated,
      ...(received ? { received } : {}),
      channel: values.channel,
      author: { role: values.authorRole, ...(values.authorName.trim() ? { name: values.authorName.trim() } : {}), ...(values.authorOffice.trim() ? { office: values.authorOffice.trim() } : {}) },
      reasoned: values.reasoned === 'yes',
      ...(offenceCode ? { offenceCode } : {}),
      offences,
      subjects,
      items: values.items,
    });
  } catch (error) {
    // The checks above cover the contract; this is the contract's own last word, tied to its field.
    if (!(error instanceof DomainError) || error.code !== 'invalid-input') throw error;
    const id = contractFieldId(error.field ?? '');
    return { errors: { [id]: { id, message: t.t('error.invalid', { field: t.t(FIELD_LABELS[id.replace(/^subject\d-/, 'subject-')] ?? 'intake.authorRole') }) } }, input: null };
  }
  return {
    errors,
    input: { request, reference: around.data.reference ?? null, answerBy: around.data.answerBy ?? null, reasonsText: around.data.reasonsText ?? null, letter },
  };
}

/**
 * A returned request as the form shows it for its completion: what the authority sent the first
 * time, to be corrected where the completion changes it. Which Code pénal it cited is not kept on
 * the entry, so the worker says it again.
 */
export function intakeValuesOfRequest(r: RequestDetail): IntakeValues {
  const empty = { day: '', month: '', year: '' };
  const subjects = r.subjects.slice(0, SUBJECT_SLOTS).map((s) => ({
    niss: s.givenNiss ?? '', name: s.givenName ?? '', birthDate: s.givenBirthDate ? partsFromIso(s.givenBirthDate) : empty,
  }));
  return {
    authorRole: r.authorRole, authorName: r.authorName ?? '', authorOffice: r.authorOffice ?? '', channel: r.channel,
    dated: partsFromIso(r.dated), received: empty, reference: r.reference ?? '', answerBy: r.answerBy ? partsFromIso(r.answerBy) : empty,
    reasoned: r.reasoned ? 'yes' : 'no', reasonsText: r.reasonsText ?? '', offences: r.offences.join(', '), offenceCode: '',
    subjects: [...subjects, ...Array.from({ length: SUBJECT_SLOTS - subjects.length }, emptySubject)], items: [...r.items],
  };
}

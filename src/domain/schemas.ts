// The input schemas: one definition validates API bodies, CSV rows and CLI arguments, and
// generates the OpenAPI document. Messages name the field; values are not echoed.
import { z } from 'zod';
import { describeInputIssue, NUL_MESSAGE } from './input-issues.ts';
import { checkNiss } from './niss.ts';
import {
  APPLICATION_KINDS, type ApplicationKind, DECLARATION_FIELDS, DECLARATION_LIMITS, type DeclarationField, type DeclarationKey, FIELDS_OF_KIND,
} from './application-forms.ts';
import { ITEM_CATEGORIES } from './data-classes.ts';
import { PURPOSE_IDS } from './purposes.ts';
import { ROLES } from './roles.ts';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'is not a calendar date');
// Every free text refuses a NUL character, which PostgreSQL cannot store (error 22021).
const noNul = (s: string) => !s.includes('\u0000');
const text = (max: number) => z.string().refine(noNul, NUL_MESSAGE).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const optionalText = (max: number) => z.string().refine(noNul, NUL_MESSAGE).trim().max(max, `must be at most ${max} characters`).nullish();

export const niss = z
  .string()
  .transform((value, ctx) => {
    const checked = checkNiss(value);
    if (!checked.ok) {
      ctx.addIssue({ code: 'custom', message: `is not a valid national number (${checked.reason})` });
      return z.NEVER;
    }
    return checked.niss;
  });

const iban = z
  .string()
  .transform((s) => s.replace(/\s+/g, '').toUpperCase())
  .refine((s) => /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(s) && ibanChecksumOk(s), 'is not a valid IBAN');

function ibanChecksumOk(iban: string): boolean {
  const moved = iban.slice(4) + iban.slice(0, 4);
  const digits = moved.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return BigInt(digits) % 97n === 1n;
}

export const uuid = z.string().uuid('must be a UUID');
export const dateSchema = isoDate;
export const purposeSchema = z.enum(PURPOSE_IDS as [string, ...string[]], { message: `must be one of ${PURPOSE_IDS.join(', ')}` });

export const personInput = z
  .object({
    familyName: text(200),
    givenNames: text(200),
    birthDate: isoDate.nullish(),
    birthPlace: optionalText(200),
    sex: z.enum(['F', 'M', 'X']).nullish(),
    nationality: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code like BE').nullish(),
    niss: niss.nullish(),
    phone: z.string().regex(/^\+?[0-9 ./()-]{6,20}$/, 'is not a phone number').nullish(),
    email: z.string().email('is not an e-mail address').max(200).nullish(),
    iban: iban.nullish(),
  })
  .strict();
export type PersonInput = z.infer<typeof personInput>;
export const personPatch = personInput.partial().strict();
export type PersonPatch = z.infer<typeof personPatch>;

export const ADDRESS_KINDS = ['domicile', 'residence', 'reference', 'earlier'] as const;
export const addressInput = z
  .object({
    kind: z.enum(ADDRESS_KINDS),
    street: text(200),
    houseNumber: text(20),
    box: optionalText(20),
    postalCode: z.string().regex(/^[1-9]\d{3}$/, 'must be a Belgian postal code of 4 digits'),
    municipality: text(100),
    country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code').default('BE'),
    validFrom: isoDate,
    validTo: isoDate.nullish(),
  })
  .strict()
  .refine((a) => !a.validTo || a.validTo >= a.validFrom, { message: 'must not be before validFrom', path: ['validTo'] });
export type AddressInput = z.infer<typeof addressInput>;

export const householdMemberInput = z
  .object({
    familyName: text(200),
    givenNames: text(200),
    birthDate: isoDate.nullish(),
    relationship: z.enum(['partner', 'child', 'parent', 'sibling', 'other-relative', 'cohabitant']),
    validFrom: isoDate,
    validTo: isoDate.nullish(),
  })
  .strict();
export type HouseholdMemberInput = z.infer<typeof householdMemberInput>;

export { APPLICATION_KINDS };
const CHANNELS = ['desk', 'letter', 'cpas-online', 'other'] as const;

/** One declared fact by its type (application-forms.ts); every one may be left out: the person declares what they declare. */
function declarationSchema(field: DeclarationField) {
  switch (field.type) {
    case 'money':
      return z.number().nonnegative('must not be negative').max(DECLARATION_LIMITS.money, `must be at most ${DECLARATION_LIMITS.money}`)
        .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'must have at most two decimals').nullish();
    case 'count':
      return z.number().int('must be a whole number').min(field.min ?? 0, `must be at least ${field.min ?? 0}`)
        .max(DECLARATION_LIMITS.count, `must be at most ${DECLARATION_LIMITS.count}`).nullish();
    case 'yes-no':
      return z.boolean().nullish();
    case 'text':
      return optionalText(DECLARATION_LIMITS.text);
  }
}

/** The declarations of one kind: its fields only (strict), so no key the pages could not label is ever stored. */
const declarationsOf = (kind: ApplicationKind) =>
  z.object(Object.fromEntries(FIELDS_OF_KIND[kind].map((key) => [key, declarationSchema(DECLARATION_FIELDS[key])]))).strict();

const applicationOf = <K extends ApplicationKind>(kind: K) =>
  z.object({ kind: z.literal(kind), submittedOn: isoDate, channel: z.enum(CHANNELS), communicated: declarationsOf(kind) }).strict();

/** An application, typed by its kind: the same schema for the API, the page form, the CSV import and the demo. */
export const applicationInput = z.discriminatedUnion(
  'kind',
  APPLICATION_KINDS.map((kind) => applicationOf(kind)) as unknown as [ReturnType<typeof applicationOf>, ...ReturnType<typeof applicationOf>[]],
  { error: () => `must be one of ${APPLICATION_KINDS.join(', ')}` },
);
/** The parsed application: its kind, and the declarations its kind takes (null or absent: not declared). */
export interface ApplicationInput {
  kind: ApplicationKind;
  submittedOn: string;
  channel: (typeof CHANNELS)[number];
  communicated: Partial<Record<DeclarationKey, string | number | boolean | null>>;
}

export const decisionInput = z
  .object({
    applicationId: uuid,
    body: z.enum(['comite-special-service-social', 'conseil-action-sociale', 'delegation']),
    decidedOn: isoDate,
    outcome: z.enum(['granted', 'refused', 'partial']),
    amountCents: z.number().int().nonnegative().nullish(),
    periodFrom: isoDate.nullish(),
    periodTo: isoDate.nullish(),
    motivation: text(10000),
  })
  .strict();
export type DecisionInput = z.infer<typeof decisionInput>;

export const socialReportInput = z
  .object({
    writtenOn: isoDate,
    language: z.enum(['fr', 'nl', 'de']),
    situation: text(50000),
    assessment: optionalText(50000),
    purpose: purposeSchema,
  })
  .strict();
export const caseNoteInput = z.object({ body: text(20000), purpose: purposeSchema }).strict();
export const medicalDocumentInput = z.object({ issuedOn: isoDate, description: text(20000), purpose: purposeSchema }).strict();
export const piisInput = z
  .object({ signedOn: isoDate, objectives: text(20000), evaluation: optionalText(20000), purpose: purposeSchema })
  .strict();

export const attachmentInput = z
  .object({
    dataClass: z.enum(ITEM_CATEGORIES as unknown as [string, ...string[]]),
    fileName: text(200).refine((s) => !/[\\/\0]/.test(s), 'must be a plain file name'),
    mediaType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/, 'is not a media type'),
    contentBase64: z.string().max(14_000_000, 'must be at most 10 MB').base64('must be base64'),
    purpose: purposeSchema,
  })
  .strict();

export const assignmentInput = z
  .object({ userId: uuid, assignedFrom: isoDate, assignedUntil: isoDate.nullish() })
  .strict();

export const userInput = z
  .object({
    username: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'must be 2-64 lower-case letters, digits, dot, dash or underscore'),
    displayName: text(200),
    roles: z.array(z.enum(ROLES)).min(1, 'must hold at least one role'),
    language: z.enum(['fr', 'nl', 'de']).nullish(),
  })
  .strict();
export type UserInput = z.infer<typeof userInput>;

// No password on an account made by someone else: its holder sets one with the activation code.
const oneTimeCode = z.string().trim().regex(/^[2-9A-Za-z\s-]{20,40}$/, 'must be the code you were given');
export const roleGrantInput = z.object({ role: z.enum(ROLES) }).strict();
export const activationInput = z
  .object({
    login: z.string().refine(noNul, NUL_MESSAGE).trim().min(3).max(100),
    /** The activation code of a new account, or the current password of an active one. */
    code: z.string().refine(noNul, NUL_MESSAGE).min(1).max(200),
    newPassword: z.string().refine(noNul, NUL_MESSAGE).min(12, 'must be at least 12 characters').max(200),
    /** The code the confirming head of social service handed over: makes confirmed secret roles effective. */
    confirmationCode: oneTimeCode.nullish(),
  })
  .strict();
export type ActivationInput = z.infer<typeof activationInput>;

const searchCriteria = {
  niss: niss.optional(),
  name: z.string().refine(noNul, NUL_MESSAGE).trim().min(2, 'must have at least 2 characters').max(100).optional(),
  birthDate: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
};
const hasCriterion = (q: { niss?: string; name?: string; birthDate?: string }) => Boolean(q.niss || q.name || q.birthDate);
const needCriterion = () => ({ message: 'give at least one of niss, name, birthDate', path: ['niss'] });
export const searchQuery = z.object(searchCriteria).strict().refine(hasCriterion, needCriterion());
/** The API's search: the criteria in a POSTed body, never in a URL, with the purpose. */
export const searchRequest = z.object({ ...searchCriteria, purpose: purposeSchema }).strict().refine(hasCriterion, needCriterion());

/** Turns a zod failure into one line naming the first field at fault, without echoing values. */
export const describeIssue = (error: z.ZodError): { field: string; message: string } => describeInputIssue(error, 'input');

// Input schemas of the register's use cases (HTTP bodies, CLI options). The request itself is
// read by parseAssessmentInput (parse-request.ts), exactly as the assessment contract says; these
// schemas only cover what the register adds around it. Messages name the field, never the value.
import { z } from 'zod';
import { calendarDateDefect } from '../calendar-date.ts';
import { SIGNATORIES } from './assess.ts';

const date = z.string().refine((s) => calendarDateDefect(s) === null, 'must be a real date YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const scannedLetterInput = z
  .object({
    fileName: text(200).refine((s) => !/[\\/\0]/.test(s), 'must be a plain file name'),
    mediaType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/, 'is not a media type'),
    contentBase64: z.string().max(14_000_000, 'must be at most 10 MB').base64('must be base64'),
  })
  .strict();

export const recordRequestBody = z
  .object({
    /** The request as the assessment contract describes it (dated, channel, author, items...). */
    request: z.unknown(),
    reference: text(200).nullish(),
    answerBy: date.nullish(),
    reasonsText: text(20_000).nullish(),
    letter: scannedLetterInput.nullish(),
  })
  .strict();

/** Grant a delegation until a date (required: a delegation is never open-ended), or revoke it. */
export const delegationBody = z.discriminatedUnion('grant', [
  z.object({ userId: z.string().uuid('must be a UUID'), grant: z.literal(true), validUntil: date }).strict(),
  z.object({ userId: z.string().uuid('must be a UUID'), grant: z.literal(false) }).strict(),
]);

/** The completion of a returned request: the request as the contract reads it, and what the register adds. */
export const completionBody = z
  .object({
    request: z.unknown(),
    reference: text(200).nullish(),
    answerBy: date.nullish(),
    reasonsText: text(20_000).nullish(),
  })
  .strict();

export const matchSubjectBody = z.object({ personId: z.string().uuid('must be a UUID').nullable() }).strict();

export const signBody = z
  .object({
    /** The SHA-256 of the draft the signatory reviewed: a draft changed since is not signed. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be the 64 hex digits of the reviewed draft'),
    role: z.enum(SIGNATORIES).optional(),
  })
  .strict();

export const closeBody = z.object({ comment: text(2000).nullish(), role: z.enum(SIGNATORIES).optional() }).strict();

export const settingsBody = z
  .object({
    answerDelayDays: z.number().int().min(1).max(365),
    /** An AssessmentConfig, read by parseAssessmentConfig. */
    config: z.unknown(),
    /** The legal service's decision (date and reference) that the new settings apply. */
    decisionRef: text(500),
  })
  .strict();

export const settingsDecisionBody = z.object({ confirm: z.boolean() }).strict();
export const proposalParams = z.object({ proposalId: z.string().uuid('must be a UUID') }).strict();

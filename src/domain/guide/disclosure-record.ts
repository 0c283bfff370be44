// What a worker records in a person's file after consulting the guide: a disclosure made under a
// permission, with its justification from the closed list of R23 (422bis, 458bis, état de
// nécessité, 458ter consultation, testimony) plus shared secrecy, what was shared and with whom;
// or a refusal given to an outside requester. Internal sharing (G16) is not recorded here: the
// access policy and the access log already govern access inside the CPAS (R30, R32).
import { z } from 'zod';
import { calendarDateDefect } from '../calendar-date.ts';
import type { Justification } from './vocabulary.ts';

export const RECORD_GROUNDS = ['422bis', '458bis', 'necessity', '458ter-consultation', 'testimony', 'shared-secrecy'] as const satisfies readonly Justification[];
export type RecordGround = (typeof RECORD_GROUNDS)[number];
export const RECORD_OUTCOMES = ['disclosure', 'refusal'] as const;
export type RecordOutcome = (typeof RECORD_OUTCOMES)[number];

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const disclosureRecordInput = z
  .object({
    outcome: z.enum(RECORD_OUTCOMES),
    /** Required for a disclosure, absent for a refusal: the database refuses any other combination too. */
    ground: z.enum(RECORD_GROUNDS).nullish(),
    disclosedOn: z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && calendarDateDefect(s) === null, 'must be a real date YYYY-MM-DD'),
    /** To whom (or, for a refusal, who asked): free text, sealed like a case note. */
    recipient: text(500),
    /** What was shared (or asked and refused), and the conditions checked: sealed. */
    shared: text(10_000),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.outcome === 'disclosure' && !value.ground) ctx.addIssue({ code: 'custom', path: ['ground'], message: 'required for a disclosure (the closed list of R23)' });
    if (value.outcome === 'refusal' && value.ground) ctx.addIssue({ code: 'custom', path: ['ground'], message: 'a refusal has no ground' });
  });
export type DisclosureRecordInput = z.infer<typeof disclosureRecordInput>;

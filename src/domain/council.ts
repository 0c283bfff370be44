// The council's and committee's sessions (issue 10): what a session, a placement on its agenda and
// a decision on one of its items carry. One schema per input, shared by the pages and any API or
// command that would take the same input, so a decision is checked the same way everywhere.
import { z } from 'zod';
import { NUL_MESSAGE } from './input-issues.ts';
import { dateSchema, uuid } from './schemas.ts';

/** The bodies that decide in a closed session: the Conseil de l'action sociale and its Comité spécial du service social. */
export const COUNCIL_BODIES = ['conseil-action-sociale', 'comite-special-service-social'] as const;
export type CouncilBody = (typeof COUNCIL_BODIES)[number];

export const DECISION_OUTCOMES = ['granted', 'partial', 'refused'] as const;

export const councilSessionInput = z
  .object({
    body: z.enum(COUNCIL_BODIES),
    meetingDate: dateSchema,
  })
  .strict();
export type CouncilSessionInput = z.infer<typeof councilSessionInput>;

export const agendaPlacementInput = z
  .object({
    sessionId: uuid,
    applicationId: uuid,
  })
  .strict();
export type AgendaPlacementInput = z.infer<typeof agendaPlacementInput>;

/** A hundred million euro: beyond any aid a CPAS grants, and far within a bigint of cents. */
const MAX_AMOUNT_CENTS = 10_000_000_000;

/** The rules across fields of a decision, by the field each one is reported on (pages word them). */
export const DECISION_RULES = {
  amountCents: 'must be empty for a refusal',
  periodTo: 'must not be before periodFrom',
  periodFrom: 'is required with periodTo',
} as const;

export const agendaDecisionInput = z
  .object({
    outcome: z.enum(DECISION_OUTCOMES),
    amountCents: z.number().int().nonnegative().max(MAX_AMOUNT_CENTS, 'is too large').nullish(),
    periodFrom: dateSchema.nullish(),
    periodTo: dateSchema.nullish(),
    motivation: z.string().refine((s) => !s.includes('\u0000'), NUL_MESSAGE).trim().min(1, 'must not be empty').max(10000, 'must be at most 10000 characters'),
  })
  .strict()
  .superRefine((d, ctx) => {
    // A refusal grants nothing: an amount on it would be read as aid the person does not receive.
    if (d.outcome === 'refused' && d.amountCents != null) ctx.addIssue({ code: 'custom', path: ['amountCents'], message: DECISION_RULES.amountCents });
    if (d.periodFrom && d.periodTo && d.periodTo < d.periodFrom) ctx.addIssue({ code: 'custom', path: ['periodTo'], message: DECISION_RULES.periodTo });
    if (d.periodTo && !d.periodFrom) ctx.addIssue({ code: 'custom', path: ['periodFrom'], message: DECISION_RULES.periodFrom });
  });
export type AgendaDecisionInput = z.infer<typeof agendaDecisionInput>;

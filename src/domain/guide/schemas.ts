// The guide's input and answer as zod schemas, for the OpenAPI document of POST /api/v1/guide/assess
// and for the response's serialisation. The input is *read* by parseGuideInput (parse-guide.ts),
// never by zod, so that malformed input gets the contract's one line naming the first field at
// fault, in the contract's order, exactly as the CLI prints it.
import { z } from 'zod';
import { GROUNDS, GUIDE_RULES, REPLY_IDS } from './rules.ts';
import {
  ANSWERS, CAN_PROTECT, CONSENTS, COUNTERPARTS, DANGERS, ENDANGERED, GUIDE_CHANNELS, GUIDE_ITEMS, INITIATIVES, INSTRUMENTS, OFFENCES,
  JUSTIFICATIONS, RECIPIENTS, RECORD_LOGS,
} from './vocabulary.ts';

const items = z.array(z.enum(GUIDE_ITEMS as [string, ...string[]]));

export const guideInputSchema = z
  .object({
    counterpart: z.enum(COUNTERPARTS).describe('who asks, or to whom the worker thinks of speaking'),
    initiative: z.enum(INITIATIVES),
    channel: z.enum(GUIDE_CHANNELS),
    instrument: z.enum(INSTRUMENTS),
    consent: z.enum(CONSENTS),
    danger: z.enum(DANGERS),
    endangered: z.enum(ENDANGERED).nullish().describe('required when danger is not none'),
    canProtect: z.enum(CAN_PROTECT).nullish().describe('required when danger is not none'),
    offence: z.enum(OFFENCES),
    items: items.min(1).describe('at least one category, each at most once'),
  })
  .strict()
  .describe('A situation, in categories only: no name, no content, and nothing saying whether the person is known to the CPAS.');

export const guideAnswerSchema = z.object({
  answer: z.enum(ANSWERS),
  rule: z.enum(GUIDE_RULES.map((r) => r.id) as [string, ...string[]]),
  recipient: z.enum(RECIPIENTS),
  mayShare: items,
  conditions: z.array(z.object({ code: z.string(), text: z.string(), ref: z.string() })),
  grounds: z.array(z.object({
    code: z.enum(Object.keys(GROUNDS) as [string, ...string[]]),
    status: z.enum(['settled', 'check']),
    ref: z.string(),
    reason: z.string(),
  })),
  record: z.object({ justification: z.enum(JUSTIFICATIONS).nullable(), log: z.enum(RECORD_LOGS), note: z.string() }),
  standardReply: z.object({ id: z.enum(REPLY_IDS), text: z.string() }).nullable(),
  configuration: z.string(),
});

export const guideSettingsBody = z
  .object({
    config: z.unknown().describe('{ id, externalSharedSecrecy: "on" | "off" }, read by parseGuideConfig'),
    decisionRef: z.unknown().describe("the legal service's decision this configuration applies (date, reference)"),
  })
  .strict();


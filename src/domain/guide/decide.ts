// The professional-secrecy guide's decision, exactly as its contract describes it. Pure: no
// database, no clock, no log; the same situation and configuration always give the same answer.
// Rules are tried in the order of rules.ts and the first that holds decides; the additional
// grounds, what to record and the standard reply follow from their own tables.
import { CONFIG_ID, type GuideConfig } from './config.ts';
import {
  CONDITIONS,
  EXTRA_GROUNDS,
  GROUNDS,
  GUIDE_RULES,
  RECORD_RULES,
  REPLY_ANSWERS,
  STANDARD_REPLIES,
  not46bis1Why,
  type GroundCode,
  type GuideRule,
  type ReplyId,
  type RuleWithConditions,
  type Share,
} from './rules.ts';
import { GUIDE_TEXTS, type GuideLanguage, type GuideTexts } from './texts.ts';
import { hasClass, type GuideAnswerKind, type GuideInput, type GuideItem, type Justification, type Recipient, type RecordLog } from './vocabulary.ts';

export interface GuideCondition {
  readonly code: string;
  readonly text: string;
  readonly ref: string;
}

export interface GuideGround {
  readonly code: GroundCode;
  readonly status: 'settled' | 'check';
  readonly ref: string;
  readonly reason: string;
}

/** The answer as the contract's output describes it, field for field and in this order. */
export interface GuideAnswer {
  readonly answer: GuideAnswerKind;
  readonly rule: GuideRule['id'];
  readonly recipient: Recipient;
  readonly mayShare: readonly GuideItem[];
  readonly conditions: readonly GuideCondition[];
  readonly grounds: readonly GuideGround[];
  readonly record: { readonly justification: Justification | null; readonly log: RecordLog; readonly note: string };
  readonly standardReply: { readonly id: ReplyId; readonly text: string } | null;
  readonly configuration: string;
}

/** The decision in codes only; the page renders it in the worker's language. */
export interface GuideDecision {
  readonly rule: GuideRule;
  readonly mayShare: readonly GuideItem[];
  readonly grounds: readonly GroundCode[];
  readonly log: RecordLog;
  readonly reply: ReplyId | null;
  readonly input: GuideInput;
  readonly configuration: string;
}

export class GuideConfigError extends Error {
  readonly code = 'invalid-configuration';
  constructor(readonly field: string, message: string) {
    super(message);
    this.name = 'GuideConfigError';
  }
}

/** A configuration that cannot be traced, or whose switch is neither on nor off, decides nothing. */
export function checkGuideConfig(config: GuideConfig): void {
  if (typeof config.id !== 'string' || !CONFIG_ID.test(config.id)) {
    throw new GuideConfigError('id', 'id: expected an identifier of 1 to 64 letters, digits, ".", "_" or "-", such as "namur-2026-05"');
  }
  if (config.externalSharedSecrecy !== 'on' && config.externalSharedSecrecy !== 'off') {
    throw new GuideConfigError('externalSharedSecrecy', 'externalSharedSecrecy: expected "on" or "off"');
  }
}

function shared(items: readonly GuideItem[], share: Share): GuideItem[] {
  // S never holds sealed-register: the existence of an authority's request never leaves (R16, R20).
  const s = items.filter((item) => item !== 'sealed-register');
  switch (share) {
    case 'nothing':
      return [];
    case 'S':
      return s;
    case 'S-rescue':
      return s.filter((item) => hasClass(item, 'RESCUE'));
    case 'S-admin':
      return s.filter((item) => hasClass(item, 'ADMIN'));
  }
}

export function decideGuide(input: GuideInput, config: GuideConfig): GuideDecision {
  checkGuideConfig(config);
  const situation = { input, config };
  // G19 always holds, so a rule is always found.
  const rule = GUIDE_RULES.find((r) => r.applies(situation)) ?? GUIDE_RULES[GUIDE_RULES.length - 1]!;
  const decided = { ...situation, rule };
  const grounds: GroundCode[] = [];
  const add = (code: GroundCode | null) => {
    if (code !== null && !grounds.includes(code)) grounds.push(code);
  };
  const [e1, ...others] = EXTRA_GROUNDS;
  if (e1!.applies(decided)) add(e1!.ground);
  add(rule.ground);
  for (const extra of others) if (extra.applies(decided)) add(extra.ground);
  const asked = input.initiative === 'asked' && REPLY_ANSWERS.includes(rule.answer);
  return {
    rule,
    mayShare: shared(input.items, rule.share),
    grounds,
    log: RECORD_RULES.find((r) => r.applies(decided))!.log,
    reply: asked ? STANDARD_REPLIES.find((r) => r.applies(decided))!.id : null,
    input,
    configuration: config.id,
  };
}

function reasonOf(code: GroundCode, decision: GuideDecision, texts: GuideTexts): string {
  if (code === 'shared-secrecy' && decision.rule.id === 'G5') return texts.sharedSecrecyProtection;
  if (code === 'not-46bis1') return `${texts.grounds[code]} ${texts.not46bis1Why[not46bis1Why(decision.input)]}.`;
  return texts.grounds[code];
}

/** The decision in the contract's JSON shape, in French for the API and the CLI, or in the worker's language. */
export function renderGuideAnswer(decision: GuideDecision, language: GuideLanguage = 'fr'): GuideAnswer {
  const texts = GUIDE_TEXTS[language];
  const { rule } = decision;
  const conditions = rule.id in CONDITIONS ? CONDITIONS[rule.id as RuleWithConditions] : [];
  return {
    answer: rule.answer,
    rule: rule.id,
    recipient: rule.recipient,
    mayShare: decision.mayShare,
    conditions: conditions.map(([code, ref]) => ({ code, text: texts.conditions[`${rule.id}.${code}`] ?? '', ref })),
    grounds: decision.grounds.map((code) => ({
      code,
      status: GROUNDS[code].status === 'CHECK' ? 'check' : 'settled',
      ref: GROUNDS[code].ref,
      reason: reasonOf(code, decision, texts),
    })),
    record: { justification: rule.justification, log: decision.log, note: texts.notes[decision.log] },
    standardReply: decision.reply === null ? null : { id: decision.reply, text: texts.replies[decision.reply] },
    configuration: decision.configuration,
  };
}

/** The guide's answer to a situation under a configuration. @throws GuideConfigError */
export function assessGuide(input: GuideInput, config: GuideConfig, language: GuideLanguage = 'fr'): GuideAnswer {
  return renderGuideAnswer(decideGuide(input, config), language);
}

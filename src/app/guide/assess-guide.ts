// The professional-secrecy guide for a member of staff: the pure assessment under their CPAS's
// configuration. Every role may consult it. Nothing is stored and nothing is logged: the input
// carries categories, not names or content, and the contract keeps it so (the worker records what
// they did through record-disclosure.ts, from a person's file).
import { loadGuideSettings, type GuideSettings } from '../../adapters/db/stores/guide-settings-store.ts';
import { assessGuide, type GuideAnswer } from '../../domain/guide/decide.ts';
import { GuideInputError, parseGuideInput } from '../../domain/guide/parse-guide.ts';
import type { GuideLanguage } from '../../domain/guide/texts.ts';
import type { GuideInput } from '../../domain/guide/vocabulary.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/roles.ts';
import type { AppContext } from '../context.ts';

/** The configuration in force in the actor's CPAS (reading it touches no personal data: no log entry). */
export function currentGuideSettings(ctx: AppContext, actor: Actor): Promise<GuideSettings> {
  return ctx.db.transaction((tx) => loadGuideSettings(tx, actor.cpasId));
}

/** Reads untrusted JSON as the contract's input. @throws DomainError invalid-input naming the first field at fault */
export function readGuideInput(json: unknown): GuideInput {
  try {
    return parseGuideInput(json);
  } catch (error) {
    if (error instanceof GuideInputError) throw new DomainError('invalid-input', error.message, error.field);
    throw error;
  }
}

export async function assessGuideFor(ctx: AppContext, actor: Actor, json: unknown, language: GuideLanguage = 'fr'): Promise<GuideAnswer> {
  const input = readGuideInput(json);
  const { config } = await currentGuideSettings(ctx, actor);
  return assessGuide(input, config, language);
}

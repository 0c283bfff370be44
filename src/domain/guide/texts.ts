// The wording of the guide in the three languages of the CPAS: French is the contract's reference
// (texts-fr.ts), Dutch and German are its translations for the staff page. The same codes key all
// three, and a unit test checks that no language lacks or adds a text.
import type { RecordLog } from './vocabulary.ts';
import type { GroundCode, Not46bis1Why, ReplyId } from './rules.ts';
import { TEXTS_DE } from './texts-de.ts';
import { TEXTS_FR } from './texts-fr.ts';
import { TEXTS_NL } from './texts-nl.ts';

export const GUIDE_LANGUAGES = ['fr', 'nl', 'de'] as const;
export type GuideLanguage = (typeof GUIDE_LANGUAGES)[number];

export interface GuideTexts {
  /** The `reason` of each ground; for shared-secrecy, its consent branch (G17). For not-46bis1, the start of the sentence. */
  readonly grounds: Readonly<Record<GroundCode, string>>;
  /** The reason of shared-secrecy when G5 decided: bringing in help to protect. */
  readonly sharedSecrecyProtection: string;
  /** What completes the reason of not-46bis1. */
  readonly not46bis1Why: Readonly<Record<Not46bis1Why, string>>;
  /** Keyed `G3.necessary-only`: the same code says something different under each rule. */
  readonly conditions: Readonly<Record<string, string>>;
  readonly replies: Readonly<Record<ReplyId, string>>;
  readonly notes: Readonly<Record<RecordLog, string>>;
}

export const GUIDE_TEXTS: Readonly<Record<GuideLanguage, GuideTexts>> = { fr: TEXTS_FR, nl: TEXTS_NL, de: TEXTS_DE };

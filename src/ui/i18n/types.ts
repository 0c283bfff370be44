// The shape every dictionary shares. Domain values that appear in pages (roles, purposes, data
// classes, enums of the schemas) must have a label: adding a role to the domain without labelling
// it in every language fails the type check.
import type { ItemCategory } from '../../domain/data-classes.ts';
import type { Purpose } from '../../domain/purposes.ts';
import type { Role } from '../../domain/roles.ts';
import type { AddressInput, ApplicationInput, DecisionInput, HouseholdMemberInput, PersonInput } from '../../domain/schemas.ts';
import type { LogAction } from '../../domain/access-log-entry.ts';
import type { AccessRule } from '../../domain/access-policy.ts';
import type { ReviewOutcome } from '../../domain/break-glass.ts';
import type { AuthorRole, Channel, Outcome, ProblemCode } from '../../domain/requests/assess.ts';
import type { ItemCategory as RequestItem, ItemDecision } from '../../domain/requests/items.ts';
import type { LetterKind } from '../../domain/requests/letter-content.ts';
import type { RegisterState } from '../../domain/requests/register-state.ts';
import type { LetterLanguage } from '../../domain/requests/standard-reply.ts';

export interface Plural {
  readonly one: string;
  readonly other: string;
  /** French CLDR has a "many" category for large round numbers; "other" serves when absent. */
  readonly many?: string;
}
export type Message = string | Plural;

export type ApplicationStatus = 'received' | 'under-inquiry' | 'decided' | 'withdrawn';

/** Keys derived from the domain: each one needs a label in every language. */
export type DomainKey =
  | `role.${Role}`
  | `purpose.${Purpose}`
  | `category.${ItemCategory}`
  | `sex.${NonNullable<PersonInput['sex']>}`
  | `addressKind.${AddressInput['kind']}`
  | `relationship.${HouseholdMemberInput['relationship']}`
  | `applicationKind.${ApplicationInput['kind']}`
  | `channel.${ApplicationInput['channel']}`
  | `status.${ApplicationStatus}`
  | `decisionBody.${DecisionInput['body']}`
  | `outcome.${DecisionInput['outcome']}`
  // The register of authority requests.
  | `reqState.${RegisterState}`
  | `authorRole.${AuthorRole}`
  | `reqChannel.${Channel}`
  | `reqOutcome.${Outcome}`
  | `assessment.outcomeText.${Outcome}`
  | `itemDecision.${ItemDecision}`
  | `problem.${ProblemCode}`
  | `problemLabel.${ProblemCode}`
  | `reqItemReason.${RequestItem}`
  | `reqNothing.${Exclude<Outcome, 'answer'>}`
  | `letterKind.${LetterKind}`
  | `letterLanguage.${LetterLanguage}`
  | `req.done.${RequestDone}`
  // The access log and break-glass.
  | `logAction.${LogAction}`
  | `historyAction.${LogAction}`
  | `accessRule.${AccessRule | 'operation'}`
  | `reviewOutcome.${ReviewOutcome}`;

/** What a request page can confirm was just done (the `done` query of the page after a step). */
export type RequestDone = 'recorded' | 'assessed' | 'matched' | 'prepared' | 'signed' | 'sent' | 'refused' | 'returned' | 'completed';

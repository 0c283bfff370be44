// The shape every dictionary shares. Domain values that appear in pages (roles, purposes, data
// classes, enums of the schemas) must have a label: adding a role to the domain without labelling
// it in every language fails the type check.
import type { ItemCategory } from '../../domain/data-classes.ts';
import type { Purpose } from '../../domain/purposes.ts';
import type { Role } from '../../domain/roles.ts';
import type { AddressInput, ApplicationInput, DecisionInput, HouseholdMemberInput, PersonInput } from '../../domain/schemas.ts';

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
  | `outcome.${DecisionInput['outcome']}`;

export const ROLES = [
  'social-worker',
  'head-of-social-service',
  'administrative-agent',
  'directeur-general',
  'president',
  'council-member',
  'dpo',
  'it-admin',
] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** Who is acting: every use case takes one, and every audit entry names it. */
export interface Actor {
  readonly cpasId: string;
  readonly userId: string;
  readonly roles: readonly Role[];
}

// Separation of duties: which roles open secret content, so that no single person can give them.
// A grant of one of these roles takes effect only after a second person of the social service
// confirms it and the holder redeems that person's code (src/app/role-grants.ts). The list is
// checked against the policy by a test: if the policy ever lets another role read or write a
// secret class, that test fails until the role is added here.
import type { Role } from './roles.ts';

export const SECRET_OPENING_ROLES = ['social-worker', 'head-of-social-service'] as const satisfies readonly Role[];
export type SecretOpeningRole = (typeof SECRET_OPENING_ROLES)[number];

export const opensSecret = (role: Role): role is SecretOpeningRole => (SECRET_OPENING_ROLES as readonly Role[]).includes(role);

/** How long a one-time code (activation, confirmation) stays valid. */
export const ONE_TIME_CODE_DAYS = 7;

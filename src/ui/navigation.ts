// The service navigation: one entry per area, shown to the roles that can use it. The authority
// request register and the audit views join this list when their pages land (second round).
import { mayPerform } from '../domain/access-policy.ts';
import type { Role } from '../domain/roles.ts';
import type { TextKey } from './i18n/index.ts';

export interface NavEntry {
  readonly key: string;
  readonly href: string;
  readonly label: TextKey;
  readonly visible: (roles: readonly Role[]) => boolean;
}

export const NAVIGATION: readonly NavEntry[] = [
  { key: 'caseload', href: '/caseload', label: 'nav.caseload', visible: (roles) => roles.includes('social-worker') },
  { key: 'search', href: '/search', label: 'nav.search', visible: (roles) => mayPerform(roles, 'search-persons') },
  { key: 'users', href: '/users', label: 'nav.users', visible: (roles) => mayPerform(roles, 'manage-users') },
];

export const navigationFor = (roles: readonly Role[]) => NAVIGATION.filter((entry) => entry.visible(roles));

/** Where "/" leads: the first area the user can use. */
export const homeFor = (roles: readonly Role[]): string | null => navigationFor(roles)[0]?.href ?? null;

// The service navigation: one entry per area, shown to those who can use it, by the same checks as
// the use cases behind it. The register is shown to its readers (directeur général, président, DPO,
// and the staff delegated into it); everyone else who may record a request gets "forward a request"
// instead, since recording is all they can do with it.
import { mayPerform } from '../domain/access-policy.ts';
import type { Role } from '../domain/roles.ts';
import type { TextKey } from './i18n/index.ts';

/** What the navigation knows of the viewer: roles, and whether a delegation opens the register to them. */
export interface NavViewer {
  readonly roles: readonly Role[];
  readonly registerReader: boolean;
}

export interface NavEntry {
  readonly key: string;
  readonly href: string;
  readonly label: TextKey;
  readonly visible: (viewer: NavViewer) => boolean;
}

export const NAVIGATION: readonly NavEntry[] = [
  { key: 'caseload', href: '/caseload', label: 'nav.caseload', visible: ({ roles }) => roles.includes('social-worker') },
  { key: 'search', href: '/search', label: 'nav.search', visible: ({ roles }) => mayPerform(roles, 'search-persons') },
  { key: 'access-log', href: '/audit', label: 'nav.accessLog', visible: ({ roles }) => mayPerform(roles, 'read-access-log') },
  { key: 'break-glass', href: '/break-glass', label: 'nav.breakGlass', visible: ({ roles }) => mayPerform(roles, 'review-break-glass') },
  { key: 'register', href: '/requests', label: 'nav.register', visible: ({ registerReader }) => registerReader },
  // The closed sessions: members sit in them, the secretariat schedules them, the chair closes them.
  // After the register, so the président still lands there; a council member lands here.
  {
    key: 'agenda', href: '/agenda', label: 'nav.agenda',
    visible: ({ roles }) => mayPerform(roles, 'read-agenda') || mayPerform(roles, 'manage-agenda') || mayPerform(roles, 'close-agenda'),
  },
  {
    key: 'forward', href: '/requests/new', label: 'nav.forward',
    visible: ({ roles, registerReader }) => !registerReader && mayPerform(roles, 'record-authority-request'),
  },
  // Data-protection rights requests of persons (GDPR arts 15, 16, 21): the desk and the social service handle them.
  { key: 'rights', href: '/rights-requests', label: 'nav.rights', visible: ({ roles }) => roles.some((r) => r === 'administrative-agent' || r === 'head-of-social-service' || r === 'social-worker') },
  { key: 'users', href: '/users', label: 'nav.users', visible: ({ roles }) => mayPerform(roles, 'manage-users') },
  { key: 'confirmations', href: '/confirmations', label: 'nav.confirmations', visible: ({ roles }) => mayPerform(roles, 'confirm-role-grant') },
  { key: 'disclosures', href: '/guide/disclosures', label: 'nav.disclosures', visible: ({ roles }) => mayPerform(roles, 'read-disclosure-statistics') },
  // Every member of staff may wonder whether they may speak: the guide is for every role.
  { key: 'guide', href: '/guide', label: 'nav.guide', visible: () => true },
];

export const navigationFor = (viewer: NavViewer) => NAVIGATION.filter((entry) => entry.visible(viewer));

/**
 * Where "/" leads: the first area the user can use, except "forward a request" and the guide,
 * which are occasional tasks and not places to land.
 */
export const homeFor = (viewer: NavViewer): string | null =>
  navigationFor(viewer).find((entry) => entry.key !== 'forward' && entry.key !== 'guide')?.href ?? null;

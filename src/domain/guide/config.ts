// The guide's configuration: the one CHECK switch that changes an answer, decided by the CPAS's
// legal service (or directeur général) and named in every answer, so that an answer can always be
// traced to the configuration that decided it. Codes and meanings are the law's and cannot be
// configured; only this switch can, and turning it off only closes a permission (G5, G17).

export const SWITCH_VALUES = ['on', 'off'] as const;
export type SwitchValue = (typeof SWITCH_VALUES)[number];

export interface GuideConfig {
  /** Named in every answer. */
  readonly id: string;
  /**
   * `on`: shared secrecy with an outside service bound by secrecy (G5, G17) is a permission.
   * `off`: the CPAS keeps R23's closed list strict for outside recipients; those cases fall through.
   */
  readonly externalSharedSecrecy: SwitchValue;
}

export const DEFAULT_GUIDE_CONFIG: GuideConfig = { id: 'default', externalSharedSecrecy: 'on' };

/** An identifier a log line or a document can quote: no spaces, no personal data. */
export const CONFIG_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

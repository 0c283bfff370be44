// The parts every letter shares, taken from the register and the CPAS, and the preparer's view of
// a letter: what would leave, item by item, and what is withheld and why.
import type { LetterRecord, Letterhead } from '../../adapters/db/stores/request-letter-store.ts';
import type { RequestRecord } from '../../adapters/db/stores/request-store.ts';
import type { ItemAssessment } from '../../domain/requests/assess.ts';
import type { LetterContent, LetterCpas, LetterRequest } from '../../domain/requests/letter-content.ts';

export const letterCpasOf = (h: Letterhead): LetterCpas => ({
  name: h.name,
  street: h.street,
  postalCode: h.postalCode,
  municipality: h.municipality,
  phone: h.phone,
  email: h.email,
});

export const letterRequestOf = (r: RequestRecord): LetterRequest => ({
  reference: r.reference,
  dated: r.dated,
  received: r.received,
  channel: r.channel,
  author: { role: r.authorRole, name: r.authorName, office: r.authorOffice },
});

export interface LetterView {
  readonly requestId: string;
  readonly kind: LetterContent['kind'];
  readonly sha256: string;
  readonly content: LetterContent;
  /** Answer only: the items that leave, with the rule that allows each. */
  readonly disclosed: readonly ItemAssessment[];
  /** Answer only: the items that do not leave, each with its reason and source (R17). */
  readonly withheld: readonly ItemAssessment[];
  readonly preparedBy: string;
  readonly preparedAt: Date;
  readonly signedBy: string | null;
  readonly signedAt: Date | null;
  readonly signatoryRole: string | null;
  readonly sentAt: Date | null;
}

export function letterViewOf(requestId: string, letter: LetterRecord): LetterView {
  const content = JSON.parse(letter.contentText) as LetterContent;
  const items = content.kind === 'answer' ? content.items : [];
  return {
    requestId,
    kind: content.kind,
    sha256: letter.contentSha256,
    content,
    disclosed: items.filter((i) => i.decision === 'disclose'),
    withheld: items.filter((i) => i.decision !== 'disclose'),
    preparedBy: letter.preparedBy,
    preparedAt: letter.preparedAt,
    signedBy: letter.signedBy,
    signedAt: letter.signedAt,
    signatoryRole: letter.signatoryRole,
    sentAt: letter.sentAt,
  };
}

/** The files an answer carries data about: the persons matched, each once. */
export function disclosedPersons(content: LetterContent, matched: readonly { personId: string | null }[]): string[] {
  if (content.kind !== 'answer') return [];
  return [...new Set(matched.map((s) => s.personId).filter((id): id is string => id !== null))];
}

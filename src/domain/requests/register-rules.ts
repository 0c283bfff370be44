// The rules of the sealed register: how the CPAS handles a request once it is assessed. They
// complete the assessment's rules (rules.ts, R1-R39 of the legal research) where the law says who
// answers and what must stay secret but not how; each names the research rule it serves and its
// status. docs/legal-model.md renders this list.
import type { LegalRule } from './rules.ts';

export const REGISTER_RULES = [
  {
    id: 'REG-1',
    summary:
      'Any member of staff records a request they receive, with everything it says and the scanned letter (R15). Once recorded, it is out of their sight: only the directeur général, the président, the DPO and the staff the first two delegate read the register (R16).',
    source: 'R14, R15, R16: droitsquotidiens.be; art. 46bis/1 §2 CIC (secret de la mesure)',
    status: 'CHECK',
  },
  {
    id: 'REG-2',
    summary:
      'An oral request (phone, in person) is recorded as an attempt and closed at once; the one who took it gives the standard reply: "une demande écrite et motivée du procureur du Roi est nécessaire". Nothing is said, not even whether the person is known.',
    source: 'R4: circulaire SPP IS 2017 (legalparcmons.be); droitsquotidiens.be; art. 458 C. pén.',
    status: 'settled',
  },
  {
    id: 'REG-3',
    summary:
      'Only administrative agents can be delegated into the register, to prepare answers; never a member of the social service, the DPO, IT or the council, and a delegate never signs.',
    source: 'R14, R15, R22 (the worker is not an investigator: C.C. 44/2019 on §3); RGPD art. 38(6) (DPO)',
    status: 'CHECK',
  },
  {
    id: 'REG-4',
    summary:
      'An answer is prepared by one person and signed by another who is the directeur général or the président (four eyes); the signatory signs the SHA-256 of the draft they reviewed.',
    source: 'R14: droitsquotidiens.be; circulaire wallonne du 2 juin 2022 (procédure objective, sans pression sur un membre du personnel)',
    status: 'CHECK',
  },
  {
    id: 'REG-5',
    summary:
      'A signed letter is frozen: its canonical content, hash, preparer and signatory cannot change, in the application or in the database (trigger), and it cannot be deleted.',
    source: 'R16 (register of what was sent); accountability, RGPD art. 5(2)',
    status: 'settled',
  },
  {
    id: 'REG-6',
    summary:
      'The data of an answer are read by a database role that can read only the administrative columns of six tables, chosen category by category from the data-class catalogue; it cannot read a social report, a note, a medical document, a PIIS or an attachment.',
    source: 'R8, R9, R10, R13, R33, R34: C.C. 44/2019, B.11 et B.23.1',
    status: 'settled',
  },
  {
    id: 'REG-7',
    summary:
      'Each person the request names is matched to a file, or confirmed as having none, by a person, who is recorded; a file whose national number differs from the one in the request is refused. The answer concerns only the persons named.',
    source: 'R37: NJW 402 (C.C. 44/2019)',
    status: 'settled',
  },
  {
    id: 'REG-8',
    summary:
      'The answer is due on the date the request names, else on the date of reception plus an internal delay set by the CPAS (15 days until it sets one); requests still owed after that date are listed as overdue.',
    source: 'R18 (no statutory time limit found), R19 (refusal of a valid request is fined)',
    status: 'CHECK',
  },
  {
    id: 'REG-9',
    summary:
      'A request is refused or returned only when its assessment says so, or in legal review by the legal service with a recorded reason; a valid request cannot be refused. Refusal and return letters are signed by the directeur général or the président and say nothing about whether the person is known to the CPAS.',
    source: 'R17, R19; art. 458 C. pén. (being a beneficiary is itself secret)',
    status: 'settled',
  },
  {
    id: 'REG-10',
    summary:
      "The register's tables are no part of a person's file: no file view, export or search reads them, and every access made to answer a request is logged with purpose 'authority-request', which the person's own access history leaves out (the DPO sees how many entries were withheld).",
    source: 'R20, R21: art. 46bis/1 §2 CIC; C.C. 44/2019, B.12 (ufas.be); RGPD art. 23',
    status: 'CHECK',
  },
  {
    id: 'REG-11',
    summary:
      'Nothing in the system lets or asks a member of staff to send information about a person to an authority on their own initiative under art. 46bis/1: the register records requests received, never reports made.',
    source: 'R22, R36: C.C. 44/2019 (annulment of art. 46bis/1 §3; caips.be, NJW 402, rw.be)',
    status: 'settled',
  },
  {
    id: 'REG-12',
    summary:
      'Yearly statistics carry no personal data; a count of 1 to 4 is shown as "< 5", and further cells are suppressed ("≥ 5") or the table withheld when a small count could be recomputed from the total.',
    source: 'R16, R20 (a small count can point at a person whose case is known); transparency practice (Microsoft, Google law-enforcement reports)',
    status: 'settled',
  },
  {
    id: 'REG-13',
    summary:
      "Every assessment, letter and statistic names the configuration that decided it (the legal service's settings, versioned, never edited in place).",
    source: 'R11, R12, R39 (the legal service decides the open categories and the new Book II)',
    status: 'settled',
  },
] as const satisfies readonly LegalRule[];

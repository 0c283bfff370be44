// Renders, from the code itself, the tables of docs/legal-model.md: the assessment's rules, the
// precedence of defects, the item categories, the access policy and its operations, the register's
// rules and state machine. The document cannot drift from what the code applies: a unit test
// compares its generated block with this output (`npx tsx scripts/legal-model.ts` rewrites it).
import { allowsSecretAccess, OPERATIONS, RULE_PRECEDENCE, type AccessRule } from '../access-policy.ts';
import { tierOf } from '../data-classes.ts';
import { renderGuideSections } from '../guide/legal-model-section.ts';
import { PURPOSES, type Purpose } from '../purposes.ts';
import { PROBLEMS } from './assess.ts';
import { DEFAULT_ITEM_TREATMENT, ITEM_CATEGORIES } from './items.ts';
import { REGISTER_RULES } from './register-rules.ts';
import { REGISTER_EVENTS, REGISTER_STATES, TRANSITIONS } from './register-state.ts';
import { RULES, type LegalRule } from './rules.ts';

export const BEGIN_MARK = '<!-- BEGIN GENERATED: npx tsx scripts/legal-model.ts -->';
export const END_MARK = '<!-- END GENERATED -->';

/** What each rule of the access policy (src/domain/access-policy.ts) means, and where it comes from. */
const ACCESS_RULES: Readonly<Record<AccessRule, [string, string]>> = {
  'cross-cpas': ['No access to a person of another CPAS, whatever the role: each CPAS is its own controller.', 'RGPD art. 4(7), 5(1)(b)'],
  'no-content-role': ['The DPO and IT administrators see no content of any file.', 'RGPD art. 32, 38(6); R32'],
  'administrative-staff': [
    'Social workers, heads of social service and administrative agents read and write the administrative part of every file of their CPAS; the directeur général reads it.',
    'art. 458 C. pén. does not cover the administrative situation; R32',
  ],
  'council-agenda': [
    'Council and committee members (and the président) read the classes needed to decide a case, on the page of its open agenda item only: identity, domicile, household, application, decisions and their motivation; there they record the decision and its motivation. Closing the session ends the access; every other page of the file refuses them.',
    'art. 36 loi organique (R31); circulaire wallonne du 2 juin 2022',
  ],
  'assigned-worker': ['The social worker assigned to the case reads and writes its secret part.', 'art. 458 C. pén.; secret partagé (R30)'],
  'head-of-social-service': ['The head of social service reads and writes the secret part of a supervised case.', 'secret partagé (R30); R32'],
  'break-glass': [
    'A member of the social service not on the case may read its secret part in an emergency, with a written reason, for a short time, reviewed afterwards.',
    'état de nécessité (R26); R32',
  ],
  'own-file': [
    'The person themself, through the citizen portal, reads the administrative data held on them (identity, addresses, household, contact, payment account, applications, decisions); never a secret class, which leaves only as a redacted copy approved by a head of social service.',
    'RGPD art. 15(1), 15(4); art. 458 C. pén.',
  ],
  'default-deny': ['Everything not allowed above is refused, and the refusal is logged.', 'R32; RGPD art. 25'],
};

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
const table = (head: readonly string[], rows: readonly (readonly string[])[]) =>
  [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');
const status = (r: LegalRule) => (r.status === 'CHECK' ? '[CHECK]' : 'settled');

export function renderLegalModelTables(): string {
  const sections = [
    '### A. Qualifying and answering a request (applied by `assessRequest`)',
    table(['rule', 'what the code applies', 'source', 'status'], RULES.map((r) => [r.id, r.summary, r.source, status(r)])),
    '### B. Precedence of defects (the first one decides the outcome)',
    table(
      ['rank', 'problem code', 'outcome', 'label in item reasons'],
      Object.entries(PROBLEMS).sort(([, a], [, b]) => a.rank - b.rank).map(([code, p]) => [String(p.rank), `\`${code}\``, p.outcome, p.label]),
    ),
    '### C. Item categories under a valid request',
    table(
      ['category', 'tier', 'default decision', 'source'],
      ITEM_CATEGORIES.map((c) => [`\`${c}\``, tierOf(c), DEFAULT_ITEM_TREATMENT[c].decision, DEFAULT_ITEM_TREATMENT[c].ref]),
    ),
    '### D. Access to persons\' files (`decideAccess`, per data class)',
    table(['rule', 'meaning', 'source'], Object.entries(ACCESS_RULES).map(([id, [meaning, source]]) => [`\`${id}\``, meaning, source])),
    `When several rules open data (several roles, or several classes in one access), the access log names the first of: ${RULE_PRECEDENCE.map((r) => `\`${r}\``).join(', ')} (\`RULE_PRECEDENCE\`). The reason and review comments of a break-glass grant are social notes, read by the head of social service under \`head-of-social-service\` (\`decideBreakGlassTexts\`), never by the DPO.`,
    'Opening a secret class also needs a purpose of the case work itself:',
    table(
      ['purpose', 'opens secret classes'],
      (Object.keys(PURPOSES) as Purpose[]).map((id) => [`\`${id}\``, allowsSecretAccess(id) ? 'yes' : 'no']),
    ),
    '### E. Operations on the system (`OPERATIONS`)',
    table(['operation', 'roles'], Object.entries(OPERATIONS).map(([op, roles]) => [`\`${op}\``, (roles as readonly string[]).join(', ')])),
    '### F. The sealed register',
    table(['rule', 'what the code applies', 'source', 'status'], REGISTER_RULES.map((r) => [r.id, r.summary, r.source, status(r)])),
    '### G. States of a request in the register (`TRANSITIONS`)',
    table(
      ['state', ...REGISTER_EVENTS.map((e) => `\`${e}\``)],
      REGISTER_STATES.map((s) => [`\`${s}\``, ...REGISTER_EVENTS.map((e) => TRANSITIONS[s][e] ?? '')]),
    ),
    ...renderGuideSections(table),
  ];
  return `${BEGIN_MARK}\n\n${sections.join('\n\n')}\n\n${END_MARK}`;
}

/** The document with its generated block replaced by the current one. */
export function withGeneratedTables(document: string): string {
  const start = document.indexOf(BEGIN_MARK);
  const end = document.indexOf(END_MARK);
  if (start < 0 || end < start) throw new Error('docs/legal-model.md has no generated block');
  return document.slice(0, start) + renderLegalModelTables() + document.slice(end + END_MARK.length);
}

// Renders, from the rules table itself, the guide's part of docs/legal-model.md: rules G1-G19 with
// their source and status, the additional grounds, the grounds, the conditions, the standard
// replies and what to record. legal-model-doc.ts puts it in the generated block, which a unit test
// keeps current, so the document cannot drift from what the guide applies.
import { CONDITIONS, EXTRA_GROUNDS, GROUNDS, GUIDE_RULES, RECORD_RULES, STANDARD_REPLIES, type Share } from './rules.ts';
import { TEXTS_FR } from './texts-fr.ts';

type Table = (head: readonly string[], rows: readonly (readonly string[])[]) => string;

const SHARE: Readonly<Record<Share, string>> = { nothing: '[]', S: 'S', 'S-rescue': 'S ∩ RESCUE', 'S-admin': 'S ∩ ADMIN' };
const code = (text: string | null) => (text === null ? '—' : `\`${text}\``);

export function renderGuideSections(table: Table): string[] {
  return [
    '### H. The professional-secrecy guide « Puis-je parler ? » (`assessGuide`): rules, first that holds decides',
    table(
      ['rule', 'applies when', 'answer', 'recipient', 'mayShare', 'justification', 'own ground', 'status', 'source'],
      GUIDE_RULES.map((r) => [
        r.id, r.when, r.answer, r.recipient, SHARE[r.share], code(r.justification), code(r.ground),
        r.status === 'CHECK' ? `[CHECK]${r.statusNote ? ` (${r.statusNote})` : ''}` : `settled${r.statusNote ? ` (${r.statusNote})` : ''}`, r.sources,
      ]),
    ),
    'Additional grounds, after `professional-secrecy` (E1) and the rule\'s own ground, in this order:',
    table(['#', 'added when', 'ground'], EXTRA_GROUNDS.map((e) => [e.id, e.when, code(e.ground)])),
    '### I. Grounds of the guide (reference wording in French; Dutch and German in `src/domain/guide/texts-*.ts`)',
    table(['ground', 'status', 'ref', 'reason'], Object.entries(GROUNDS).map(([id, g]) => [
      code(id), g.status === 'CHECK' ? '[CHECK]' : 'settled', g.ref, TEXTS_FR.grounds[id as keyof typeof GROUNDS],
    ])),
    '### J. Conditions the worker checks before using a permission or the duty to assist',
    table(['rule', 'condition', 'text', 'ref'], Object.entries(CONDITIONS).flatMap(([rule, list]) =>
      list.map(([id, ref]) => [rule, code(id), TEXTS_FR.conditions[`${rule}.${id}`] ?? '', ref]))),
    '### K. Standard replies (someone asked and nothing leaves; first matching line) and what to record',
    table(['reply', 'when', 'text'], STANDARD_REPLIES.map((r) => [code(r.id), r.when, TEXTS_FR.replies[r.id]])),
    table(['record.log', 'when', 'note'], RECORD_RULES.map((r) => [code(r.log), r.when, TEXTS_FR.notes[r.log]])),
    'Configuration: `externalSharedSecrecy` (`on` by default) is the one CHECK switch that changes an answer; `off` skips G5 and G17. Every answer names its configuration.',
  ];
}

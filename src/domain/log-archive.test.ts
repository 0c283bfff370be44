// The offline check of an archive, exhaustively on a small one: every single-character change of
// any entry line, and every deleted line, is found, and a changed entry is named by its seq.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { type AccessLogDraft, GENESIS, canonicalEntry, chainHash, entryHash } from './access-log-entry.ts';
import { signCheckpoint, verifierKeyOf } from './checkpoint.ts';
import { ArchiveChecker, archiveCheckpointLine, archiveEntryLine, archiveHeaderLine } from './log-archive.ts';

const CPAS = '6f0c1a52-3d5e-4d7e-9a34-2c1b7e0f5a11';
const ORIGIN = 'confiance.example';
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
const signer = { name: 'confiance.example/checkpoint', publicKey: raw, sign: (m: Buffer) => sign(null, m, privateKey) };
const key = verifierKeyOf(signer.name, raw);

/** Entries afterSeq+1..lastSeq of a chain whose hash after afterSeq is `anchor`, as archive lines. */
function section(afterSeq: number, anchor: Buffer, lastSeq: number, month = '2026-10'): { lines: string[]; end: Buffer } {
  const lines = [archiveHeaderLine({ month, cpasCode: 'namur', cpasId: CPAS, afterSeq, anchor, lastSeq })];
  let chain = anchor;
  for (let seq = afterSeq + 1; seq <= lastSeq; seq++) {
    const at = new Date(Date.UTC(2026, 9, 1, 8, 0, seq));
    const draft: AccessLogDraft = {
      cpasId: CPAS, userId: null, roles: ['dpo'], purpose: 'data-protection-audit', action: 'read-log', personId: null,
      classes: [], outcome: 'allowed', rule: 'operation', details: { n: seq },
    };
    const text = canonicalEntry(draft, seq, at);
    const eh = entryHash(text);
    chain = chainHash(chain, eh);
    lines.push(archiveEntryLine({ seq, loggedAt: at.toISOString(), userId: null, personId: null, action: 'read-log', text, entryHash: eh, chainHash: chain }));
  }
  lines.push(archiveCheckpointLine(signCheckpoint({ origin: `${ORIGIN}/namur/access-log`, treeSize: lastSeq, rootHash: chain }, signer)));
  return { lines, end: chain };
}

function check(lines: readonly string[], previous?: Map<string, { lastSeq: number; lastChain: Buffer }>): string[] {
  const checker = new ArchiveChecker({ key, originPrefix: ORIGIN, previous });
  lines.forEach((l, i) => checker.line(l, i + 1));
  return checker.finish(lines.length + 1);
}

const october = section(0, GENESIS, 6);

test('an intact archive verifies, and anchors the next month', () => {
  assert.deepEqual(check(october.lines), []);
  const november = section(6, october.end, 9, '2026-11');
  assert.deepEqual(check(november.lines, new Map([['namur', { lastSeq: 6, lastChain: october.end }]])), []);
  assert.match(check(november.lines, new Map([['namur', { lastSeq: 6, lastChain: GENESIS }]])).join('\n'), /does not anchor to the previous archive/);
});

test('every one-character change of an entry text is located at its seq', () => {
  for (let i = 1; i < october.lines.length - 1; i++) {
    const line = JSON.parse(october.lines[i]!) as { seq: number; text: string };
    for (let at = 0; at < line.text.length; at++) {
      const text = line.text.slice(0, at) + (line.text[at] === 'x' ? 'y' : 'x') + line.text.slice(at + 1);
      const lines = [...october.lines];
      lines[i] = JSON.stringify({ ...JSON.parse(october.lines[i]!), text });
      const findings = check(lines);
      assert.ok(findings.length > 0 && findings[0]!.startsWith(`namur 2026-10: entry ${line.seq}: `), `seq ${line.seq} offset ${at}: ${findings[0]}`);
    }
  }
});

test('every deleted line is found; a changed header or checkpoint too', () => {
  for (let i = 0; i < october.lines.length; i++) {
    assert.notDeepEqual(check(october.lines.filter((_, j) => j !== i)), [], `line ${i + 1} deleted`);
  }
  const header = october.lines[0]!.replace('"lastSeq":6', '"lastSeq":5');
  assert.notDeepEqual(check([header, ...october.lines.slice(1)]), []);
  const note = october.lines.at(-1)!.replace('\\n6\\n', '\\n5\\n');
  assert.notEqual(note, october.lines.at(-1));
  assert.match(check([...october.lines.slice(0, -1), note]).join('\n'), /signature/);
  assert.match(check(['not json']).join('\n'), /line 1: no section header/);
});

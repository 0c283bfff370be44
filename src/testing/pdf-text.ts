// The text of a PDF, as poppler's pdftotext extracts it: what a reader (or a search tool) would
// find in the file. Tests use it to check what a letter says, and what it must never say.
import { spawnSync } from 'node:child_process';

export const hasPdftotext = (): boolean => spawnSync('pdftotext', ['-v']).status === 0;

/**
 * The skip option of tests that read PDF text. Outside CI a developer without poppler-utils is
 * told why; in CI (CI=true) nothing is skipped, so a missing pdftotext fails loudly.
 */
export const pdfTestSkip = (): string | false =>
  hasPdftotext() || process.env.CI ? false : 'pdftotext (poppler-utils) is not installed: apt-get install poppler-utils';

export function pdfText(pdf: Buffer): string {
  const result = spawnSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr.toString().trim()}`);
  return result.stdout.toString('utf8');
}

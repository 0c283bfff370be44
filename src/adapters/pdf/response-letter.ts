// Renders a letter of the register (answer, refusal, return for completion) as PDF, from its
// frozen content: the PDF adds no data, it only lays out the canonical JSON that was signed, and
// prints that JSON's SHA-256 so the paper can be checked against the register. DejaVu Sans is
// embedded because the built-in PDF fonts cannot write "é", "ß" or "œ".
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Signatory } from '../../domain/requests/assess.ts';
import { DEFAULT_ITEM_TREATMENT, type ItemCategory } from '../../domain/requests/items.ts';
import type { CategoryData, ClosingContent, LetterContent, SubjectDisclosure } from '../../domain/requests/letter-content.ts';
import { formatLetterDate as formatDate, formatLetterRow, formatNiss } from '../../domain/requests/letter-rows.ts';
import { LETTER_TEXTS, type LetterTexts } from '../../domain/requests/letter-texts.ts';

const require = createRequire(import.meta.url);
// Read once: every letter embeds (a subset of) the same two faces.
export const FONT_FILES = {
  regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
  bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
};
const FONT = 'DejaVuSans';
const FONT_BOLD = 'DejaVuSans-Bold';

export interface LetterSignature {
  readonly name: string;
  readonly role: Signatory;
  /** The title the signatory signs with, from the CPAS's letterhead; null: the function, ungendered. */
  readonly title: string | null;
  readonly signedAt: Date;
}

export interface LetterToRender {
  readonly content: LetterContent;
  readonly sha256: string;
  /** Null while the letter is a draft: it is then marked as such on every page. */
  readonly signature: LetterSignature | null;
  /** The date the letter is dated (the signature date, or today for a draft). */
  readonly date: Date;
}

const MARGIN = 56;

type Doc = InstanceType<typeof PDFDocument>;

/** A paragraph indented as a whole (pdfkit's `indent` only moves the first line). */
function indented(doc: Doc, text: string, by: number, align: 'left' | 'justify' = 'left') {
  const left = doc.page.margins.left;
  doc.text(text, left + by, doc.y, { width: doc.page.width - left - doc.page.margins.right - by, align });
  doc.x = left;
}

function heading(doc: Doc, text: string, size = 11) {
  doc.moveDown(0.6).font(FONT_BOLD).fontSize(size).text(text).font(FONT).fontSize(10);
}

function writeLetterhead(doc: Doc, letter: LetterToRender, texts: LetterTexts) {
  const { cpas, request } = letter.content;
  if (!letter.signature) doc.font(FONT_BOLD).fontSize(10).fillColor('#b00020').text(texts.draft, { align: 'center' }).fillColor('black').moveDown(0.5);
  doc.font(FONT_BOLD).fontSize(13).text(cpas.name);
  doc.font(FONT).fontSize(9).text(`${cpas.street}, ${cpas.postalCode} ${cpas.municipality}`);
  const contact = [cpas.phone, cpas.email].filter(Boolean).join(' — ');
  if (contact) doc.text(contact);
  doc.moveDown(1.2).fontSize(10);
  const author = request.author;
  for (const line of [author.name, texts.authors[author.role], author.office]) if (line) doc.text(line, { align: 'right' });
  doc.moveDown(1);
  doc.text(`${texts.yourReference}${texts.colon} ${request.reference ?? texts.noReference}`);
  doc.text(`${texts.yourRequestOf} ${formatDate(texts, request.dated)}, ${texts.receivedOn} ${formatDate(texts, request.received)}`);
  doc.moveDown(0.6).font(FONT_BOLD).text(texts.subject[letter.content.kind]).font(FONT).moveDown(0.8);
}

function writeRows(doc: Doc, texts: LetterTexts, data: CategoryData) {
  const lines = Object.entries(data).flatMap(([table, rows]) => rows.map((row) => formatLetterRow(texts, table, row)));
  if (lines.length === 0) {
    indented(doc, texts.noData, 16);
    return;
  }
  for (const line of lines) indented(doc, `– ${line}`, 16);
}

function writeSubject(doc: Doc, texts: LetterTexts, subject: SubjectDisclosure, disclosed: readonly ItemCategory[]) {
  heading(doc, `${texts.person} ${subject.position}`);
  const given = subject.asGiven;
  const parts = [
    given.name ? `${texts.givenName}${texts.colon} ${given.name}` : null,
    given.niss ? `${texts.givenNiss}${texts.colon} ${formatNiss(given.niss)}` : null,
    given.birthDate ? `${texts.givenBirthDate}${texts.colon} ${formatDate(texts, given.birthDate)}` : null,
  ].filter(Boolean);
  doc.text(`${parts.join(' · ')} (${texts.asGiven})`);
  if (subject.file === 'none') {
    doc.moveDown(0.3).text(texts.noFile);
    return;
  }
  for (const item of disclosed) {
    doc.moveDown(0.3).font(FONT_BOLD).text(texts.items[item]).font(FONT);
    writeRows(doc, texts, subject.data[item] ?? {});
  }
}

function writeAnswer(doc: Doc, content: Extract<LetterContent, { kind: 'answer' }>, texts: LetterTexts) {
  doc.text(texts.intro.answer, { align: 'justify' });
  const disclosed = content.items.filter((i) => i.decision === 'disclose').map((i) => i.item);
  const withheld = content.items.filter((i) => i.decision !== 'disclose');
  if (disclosed.length > 0) {
    heading(doc, texts.disclosedHeading, 12);
    for (const subject of content.subjects) writeSubject(doc, texts, subject, disclosed);
  }
  if (withheld.length > 0) {
    heading(doc, texts.withheldHeading, 12);
    for (const item of withheld) {
      // A category the law leaves open (legal-review by default) is withheld only by the legal
      // service's decision, which has its own ground; every other withheld category is outside the
      // "renseignements administratifs" (R10, R17).
      const byLegalService = DEFAULT_ITEM_TREATMENT[item.item].decision === 'legal-review';
      doc.font(FONT_BOLD).text(texts.items[item.item]).font(FONT);
      indented(doc, byLegalService ? texts.withheldByLegalService : texts.withheldSecret, 16, 'justify');
      doc.moveDown(0.3);
    }
  }
}

function writeClosing(doc: Doc, content: ClosingContent, texts: LetterTexts) {
  doc.text(texts.intro[content.kind], { align: 'justify' }).moveDown(0.4);
  for (const ground of content.grounds) {
    indented(doc, `– ${texts.grounds[ground]}`, 12, 'justify');
    doc.moveDown(0.2);
  }
}

/** « Directrice générale » as the letterhead writes it, with the CPAS's name; else the ungendered function. */
function signatureTitle(texts: LetterTexts, cpasName: string, signature: LetterSignature): string {
  return signature.title ? `${signature.title}, ${cpasName}` : texts.signatories[signature.role];
}

function writeSignature(doc: Doc, letter: LetterToRender, texts: LetterTexts, prosecutor: boolean) {
  doc.moveDown(1).text(texts.closing(prosecutor), { align: 'justify' }).moveDown(1);
  const place = letter.content.cpas.municipality;
  doc.text(texts.doneAt.replace('{place}', place).replace('{date}', formatDate(texts, letter.date)));
  doc.moveDown(1.5);
  if (letter.signature) {
    doc.font(FONT_BOLD).text(letter.signature.name).font(FONT).text(signatureTitle(texts, letter.content.cpas.name, letter.signature));
  } else {
    doc.text(texts.draft);
  }
  doc.moveDown(1.5).fontSize(7).fillColor('#444444');
  doc.text(texts.confidential, { align: 'justify' });
  doc.text(`${texts.fingerprint}${texts.colon} ${letter.sha256}`);
  doc.fillColor('black').fontSize(10);
}

export async function renderResponseLetter(letter: LetterToRender): Promise<Buffer> {
  const texts = LETTER_TEXTS[letter.content.language];
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    // No personal data in the document's metadata: a file name or a viewer's title bar shows it.
    info: { Title: texts.subject[letter.content.kind], Producer: 'Confiance', Creator: 'Confiance', CreationDate: letter.date },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.registerFont(FONT, FONT_FILES.regular);
  doc.registerFont(FONT_BOLD, FONT_FILES.bold);
  doc.font(FONT).fontSize(10);
  writeLetterhead(doc, letter, texts);
  const prosecutor = letter.content.request.author.role === 'procureur-du-roi';
  doc.text(texts.salutation(prosecutor)).moveDown(0.6);
  if (letter.content.kind === 'answer') writeAnswer(doc, letter.content, texts);
  else writeClosing(doc, letter.content, texts);
  writeSignature(doc, letter, texts, prosecutor);
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

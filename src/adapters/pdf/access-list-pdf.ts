// The person's "who consulted my file" as a PDF to download: the rows exactly as the page shows
// them (already translated), laid out with the embedded DejaVu faces of the letters.
import PDFDocument from 'pdfkit';
import { FONT_FILES } from './response-letter.ts';

export interface AccessListPdf {
  readonly title: string;
  readonly subtitle: string;
  readonly notes: readonly string[];
  readonly empty: string;
  readonly rows: readonly { when: string; who: string; what: string; why: string }[];
}

export async function renderAccessListPdf(list: AccessListPdf): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: list.title } });
  doc.registerFont('DejaVuSans', FONT_FILES.regular);
  doc.registerFont('DejaVuSans-Bold', FONT_FILES.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('DejaVuSans-Bold').fontSize(16).text(list.title);
  doc.font('DejaVuSans').fontSize(10).moveDown(0.3).text(list.subtitle);
  for (const note of list.notes) doc.moveDown(0.5).fontSize(9).text(note);
  doc.moveDown();
  if (list.rows.length === 0) doc.fontSize(10).text(list.empty);
  for (const row of list.rows) {
    doc.font('DejaVuSans-Bold').fontSize(10).text(row.when);
    doc.font('DejaVuSans').fontSize(10).text(`${row.who} — ${row.what} — ${row.why}`, { indent: 12 });
    doc.moveDown(0.4);
  }
  doc.end();
  return done;
}

// The copy of the social reports released to the person (GDPR art. 15(3)): the text as the social
// worker redacted it, nothing else, laid out with the embedded DejaVu faces of the letters.
import PDFDocument from 'pdfkit';
import { FONT_FILES } from './response-letter.ts';

export async function renderRedactedCopyPdf(copy: { title: string; text: string }): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: copy.title, Producer: 'Confiance', Creator: 'Confiance' } });
  doc.registerFont('DejaVuSans', FONT_FILES.regular);
  doc.registerFont('DejaVuSans-Bold', FONT_FILES.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('DejaVuSans-Bold').fontSize(14).text(copy.title).moveDown();
  doc.font('DejaVuSans').fontSize(10).text(copy.text);
  doc.end();
  return done;
}

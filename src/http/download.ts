// Files that people uploaded (attachments, authorities' scanned letters) and letters we render,
// sent as downloads. An upload's media type is whatever the uploader said: a "scan" that is
// really HTML or SVG, opened in the browser from the application's origin, could run script with
// the viewer's session. So the answer is an attachment (saved, not shown), the browser may not
// guess another type, and the Content-Security-Policy sandboxes it and allows it to load nothing.
import type { FastifyReply } from 'fastify';

export const DOWNLOAD_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; sandbox",
  'x-content-type-options': 'nosniff',
};

/** A file name as the Content-Disposition header carries it: letters, digits, dot, dash, underscore. */
export const safeFileName = (name: string): string => name.replace(/[^\w.-]/g, '_').slice(0, 200) || 'file';

export function sendDownload(reply: FastifyReply, file: { readonly fileName: string; readonly mediaType: string; readonly content: Buffer }): FastifyReply {
  return reply
    .headers(DOWNLOAD_SECURITY_HEADERS)
    .header('content-type', file.mediaType)
    .header('content-disposition', `attachment; filename="${safeFileName(file.fileName)}"`)
    .send(file.content);
}

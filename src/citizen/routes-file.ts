// The person's own pages: "my file", "who consulted my file" and its PDF, and "what my CPAS may share". Every page takes the
// person from the session only: no route has a person id, a CPAS or a file number in its path or
// query, so there is nothing to change to reach someone else.
import type { FastifyInstance } from 'fastify';
import { myAccessHistory, renderAccessListPdf } from '../app/citizen/my-access-history.ts';
import { readMyFile } from '../app/citizen/read-my-file.ts';
import { accessesPage, describeAccess } from './pages/accesses.ts';
import { myFilePage } from './pages/my-file.ts';
import { sharingPage } from './pages/sharing.ts';
import { type CitizenDeps, citizenOf, citizenStateOf, sendCitizenPage } from './plugin.ts';

export function registerCitizenFileRoutes(portal: FastifyInstance, deps: CitizenDeps): void {
  const showStaffNames = deps.options.showStaffNames;

  portal.get('/file', async (request, reply) => {
    const file = await readMyFile(deps.ctx, citizenOf(request));
    return sendCitizenPage(deps, request, reply, myFilePage(citizenStateOf(request).t, file));
  });

  portal.get('/accesses', async (request, reply) => {
    const accesses = await myAccessHistory(deps.ctx, citizenOf(request), { showStaffNames });
    return sendCitizenPage(deps, request, reply, accessesPage(citizenStateOf(request).t, accesses, showStaffNames));
  });

  // The same text for everyone: open without a session too, so it can be read before logging in.
  portal.get('/sharing', { config: { citizenAnonymous: true } }, async (request, reply) =>
    sendCitizenPage(deps, request, reply, sharingPage(citizenStateOf(request).t, deps.options.dpoContact, false)));
  portal.get('/sharing/easy', { config: { citizenAnonymous: true } }, async (request, reply) =>
    sendCitizenPage(deps, request, reply, sharingPage(citizenStateOf(request).t, deps.options.dpoContact, true)));

  portal.get('/accesses.pdf', async (request, reply) => {
    const { t } = citizenStateOf(request);
    const accesses = await myAccessHistory(deps.ctx, citizenOf(request), { showStaffNames });
    const pdf = await renderAccessListPdf({
      title: t.t('accesses.pdfTitle'),
      subtitle: `${deps.cpasName} — ${t.t('accesses.pdfMade', { date: t.date(deps.ctx.now()) })}`,
      notes: [t.t(showStaffNames ? 'accesses.namesShown' : 'accesses.namesHidden'), t.t('accesses.secrecy')],
      empty: t.t('accesses.none'),
      rows: accesses.map((a) => {
        const d = describeAccess(t, a);
        return { when: d.when, who: d.who, what: [d.what, ...d.marks].join(' — '), why: d.why };
      }),
    });
    return reply.type('application/pdf').header('content-disposition', 'attachment; filename="accesses.pdf"').send(pdf);
  });
}

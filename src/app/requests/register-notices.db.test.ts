// Notices of the register, read from a real SMTP server (smtp-server on 127.0.0.1): a new request
// notifies the directeur général, the président and the delegates in the application and by e-mail;
// the e-mail holds no personal data (canaries in every field of the request); reminders for a
// request due within three days and for an overdue one come once per kind; a failing mail server
// does not undo the request.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { SMTPServer } from 'smtp-server';
import { createSmtpMailer } from '../../adapters/mail/mailer.ts';
import { addDays, todayIn } from '../../domain/calendar-date.ts';
import { listMyNotifications } from '../list-notifications.ts';
import { setMyNotificationEmail } from '../set-notification-email.ts';
import type { AppContext } from '../context.ts';
import { delegateRegister } from './delegate-register.ts';
import { recordRequest } from './record-request.ts';
import { noticeRegisterDeadlines } from './register-notices.ts';
import { addTestCpas, testContext, type TestCpas } from '../../testing/fixtures.ts';
import { prosecutorRequest } from '../../testing/requests.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';

interface Received { to: string[]; data: string }
const received: Received[] = [];
let smtp: SMTPServer;
let port = 0;
let t: TestDatabase;
let namur: TestCpas;
let now = new Date('2026-03-06T10:00:00Z');
let ctx: AppContext;

before(async () => {
  smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, session, done) {
      let data = '';
      stream.on('data', (chunk: Buffer) => { data += chunk.toString('utf8'); });
      stream.on('end', () => { received.push({ to: session.envelope.rcptTo.map((r) => r.address), data }); done(); });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  port = (smtp.server.address() as { port: number }).port;
  t = await createTestDatabase();
  ctx = {
    ...testContext(t.db, () => now),
    mailer: createSmtpMailer(`smtp://127.0.0.1:${port}`, 'registre@cpas.example'), publicUrl: 'https://confiance.cpas.example',
  };
  namur = await addTestCpas(t.db, 'namur');
});
after(async () => {
  await t?.drop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const CANARIES = ['CANARY-AUTHOR-Zorglub', 'CANARY-OFFICE-Quimper', 'CANARY-SUBJECT-Bertrand', 'NA.12.CANARY.777'];

test('a new request: notices in the application and e-mails that say nothing of it', async () => {
  const dg = namur.actors['directeur-general'];
  const president = namur.actors.president;
  const agent = namur.actors['administrative-agent'];
  await setMyNotificationEmail(ctx, dg, { email: 'directrice@cpas.example' });
  await setMyNotificationEmail(ctx, president, { email: 'president@cpas.example' });
  await setMyNotificationEmail(ctx, agent, { email: 'secretariat@cpas.example' });
  await assert.rejects(setMyNotificationEmail(ctx, agent, { email: 'not an address' }), { code: 'invalid-input', field: 'email' });
  await delegateRegister(ctx, dg, { userId: agent.userId, grant: true, validUntil: addDays(todayIn(ctx.now), 30) });

  const worker = namur.actors['social-worker'];
  const request = prosecutorRequest([], ['identity'], {
    author: { role: 'procureur-du-roi', name: CANARIES[0], office: CANARIES[1] },
    subjects: [{ name: CANARIES[2] }],
    offences: ['art. 140 Sw. 1867'],
  });
  const { requestId } = await recordRequest(ctx, worker, { request, reference: CANARIES[3] });

  for (const actor of [dg, president, agent]) {
    const notices = await listMyNotifications(ctx, actor, { unreadOnly: true });
    assert.ok(notices.some((n) => n.kind === 'register-new-request' && n.referenceId === requestId), 'notified in the application');
  }
  assert.equal((await listMyNotifications(ctx, worker, { unreadOnly: true })).length, 0, 'the social worker who forwarded it is not');
  assert.equal((await listMyNotifications(ctx, namur.actors.dpo, { unreadOnly: true })).filter((n) => n.kind.startsWith('register')).length, 0, 'nor the DPO');

  const mails = received.splice(0);
  assert.deepEqual(mails.flatMap((m) => m.to).sort(), ['directrice@cpas.example', 'president@cpas.example', 'secretariat@cpas.example']);
  for (const mail of mails) {
    assert.match(mail.data, /https:\/\/confiance\.cpas\.example\/requests/);
    for (const canary of [...CANARIES, requestId, '140', 'procureur', 'Parquet']) assert.ok(!mail.data.includes(canary), `the e-mail holds no ${canary}`);
  }
});

test('reminders: due within three days, then overdue, each once; a failing mail server undoes nothing', async () => {
  const dg = namur.actors['directeur-general'];
  const request = prosecutorRequest([], ['identity'], { received: '2026-03-04' });
  const { requestId } = await recordRequest(ctx, dg, { request, answerBy: '2026-03-08' });
  received.splice(0);
  const first = await noticeRegisterDeadlines(ctx);
  assert.ok(first.notices >= 2, 'the président and the delegate at least');
  const again = await noticeRegisterDeadlines(ctx);
  assert.equal(again.notices, 0, 'once per kind');
  now = new Date('2026-03-09T10:00:00Z');
  await noticeRegisterDeadlines(ctx);
  const kinds = (await listMyNotifications(ctx, namur.actors.president, { unreadOnly: false })).filter((n) => n.referenceId === requestId).map((n) => n.kind).sort();
  assert.deepEqual(kinds, ['register-due-soon', 'register-new-request', 'register-overdue']);
  assert.ok(received.some((m) => /en retard|te laat|überfällig/.test(m.data)));

  const broken: AppContext = { ...ctx, mailer: createSmtpMailer('smtp://127.0.0.1:1', 'x@cpas.example') };
  const recorded = await recordRequest(broken, namur.actors.president, { request: prosecutorRequest([], ['identity']) });
  assert.ok(recorded.requestId, 'recorded although no mail could leave');
});

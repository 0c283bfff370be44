// The register's deadline reminders, run by `serve` every CONFIANCE_REMINDER_MINUTES (default 60,
// 0: never): requests due within three days or overdue notify their readers once per kind.
import { noticeRegisterDeadlines } from '../app/requests/register-notices.ts';
import type { AppContext } from '../app/context.ts';
import { failureKind } from './failure-kind.ts';

export function startRegisterReminders(ctx: AppContext, log: { info(msg: string): void; error(msg: string): void }, minutes = reminderMinutes()): () => void {
  if (minutes === 0) return () => undefined;
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    noticeRegisterDeadlines(ctx)
      .then(({ notices, sent, failed }) => log.info(`register reminders: ${notices} notices, ${sent} e-mails sent, ${failed} failed`))
      .catch((error: unknown) => log.error(`register reminders failed: ${failureKind(error)}`))
      .finally(() => {
        running = false;
      });
  };
  run();
  const timer = setInterval(run, minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}

function reminderMinutes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CONFIANCE_REMINDER_MINUTES;
  if (raw === undefined || raw === '') return 60;
  const minutes = Number(raw);
  if (!Number.isInteger(minutes) || minutes < 0) throw new Error('CONFIANCE_REMINDER_MINUTES: expected a whole number of minutes (0: never)');
  return minutes;
}

// Notices of the register: a new request, a request due within three days and an overdue one
// notify the directeur général, the président and the delegates in the application, and by e-mail
// to those who gave an address when SMTP is configured. The register is sealed (R16, R20): an
// e-mail can be read on a phone, forwarded or kept in a backup, so it never names the person, the
// offence, the authority or even the request's reference; it says that something waits in the
// register, with a link to the register's page, behind its log-in.
import { notifyRegisterReaders, type Recipient } from '../../adapters/db/stores/request-notice-store.ts';
import { listRequests } from '../../adapters/db/stores/request-store.ts';
import { listCpasIds } from '../../adapters/db/stores/cpas-store.ts';
import type { Tx } from '../../adapters/db/database.ts';
import { addDays, todayIn } from '../../domain/calendar-date.ts';
import { DUE_SOON_DAYS, type RegisterNotificationKind } from '../../domain/notifications.ts';
import type { AppContext } from '../context.ts';

type Lang = 'fr' | 'nl' | 'de';

const SUBJECT: Readonly<Record<Lang, Readonly<Record<RegisterNotificationKind, string>>>> = {
  fr: {
    'register-new-request': 'Confiance : une nouvelle demande attend dans le registre',
    'register-due-soon': 'Confiance : une demande du registre arrive à échéance',
    'register-overdue': 'Confiance : une demande du registre est en retard',
  },
  nl: {
    'register-new-request': 'Confiance: een nieuwe vordering wacht in het register',
    'register-due-soon': 'Confiance: een vordering in het register vervalt binnenkort',
    'register-overdue': 'Confiance: een vordering in het register is te laat',
  },
  de: {
    'register-new-request': 'Confiance: Ein neues Ersuchen wartet im Register',
    'register-due-soon': 'Confiance: Ein Ersuchen im Register wird bald fällig',
    'register-overdue': 'Confiance: Ein Ersuchen im Register ist überfällig',
  },
};

const BODY: Readonly<Record<Lang, string>> = {
  fr: 'Quelque chose vous attend dans le registre des demandes d’autorités de Confiance.\n\nOuvrez le registre pour le voir :\n{link}\n\nPour le secret de la mesure, ce message ne dit rien de la demande. Ne le transférez pas.',
  nl: 'Er wacht iets op u in het register van vorderingen van overheden in Confiance.\n\nOpen het register om het te zien:\n{link}\n\nWegens de geheimhouding van de maatregel zegt dit bericht niets over de vordering. Stuur het niet door.',
  de: 'Im Register der behördlichen Ersuchen von Confiance wartet etwas auf Sie.\n\nÖffnen Sie das Register, um es zu sehen:\n{link}\n\nWegen der Geheimhaltung der Maßnahme sagt diese Nachricht nichts über das Ersuchen. Leiten Sie sie nicht weiter.',
};

const langOf = (language: string | null): Lang => (language === 'nl' || language === 'de' ? language : 'fr');

/** The e-mail for one recipient: fixed words and the register's address, nothing of the request. */
export function registerMail(kind: RegisterNotificationKind, language: string | null, publicUrl: string | undefined): { subject: string; text: string } {
  const lang = langOf(language);
  const link = publicUrl ? `${publicUrl.replace(/\/+$/, '')}/requests` : '/requests';
  return { subject: SUBJECT[lang][kind], text: BODY[lang].replace('{link}', link) };
}

/** Inside the use case's transaction: the in-application notices; returns whom to e-mail after the commit. */
export async function noticeRegisterReaders(
  tx: Tx,
  ctx: AppContext,
  n: { cpasId: string; kind: RegisterNotificationKind; requestId: string; exceptUserId: string | null; once: boolean },
): Promise<{ notified: number; mails: Mail[] }> {
  const recipients = await notifyRegisterReaders(tx, { ...n, at: ctx.now(), today: todayIn(ctx.now) });
  const mails = recipients.filter((r): r is Recipient & { email: string } => r.email !== null).map((r) => ({ to: r.email, kind: n.kind, language: r.language }));
  return { notified: recipients.length, mails };
}

export interface Mail {
  readonly to: string;
  readonly kind: RegisterNotificationKind;
  readonly language: string | null;
}

/**
 * After the commit: one e-mail per recipient. A mail server that fails does not undo the request
 * nor the notices in the application; the failure is counted for the operator, never with an address.
 */
export async function sendRegisterMails(ctx: AppContext, mails: readonly Mail[]): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  if (!ctx.mailer) return { sent, failed };
  for (const mail of mails) {
    try {
      await ctx.mailer.send({ to: mail.to, ...registerMail(mail.kind, mail.language, ctx.publicUrl) });
      sent += 1;
    } catch {
      failed += 1;
    }
  }
  return { sent, failed };
}

/**
 * The hourly reminders (run by `serve`): every open request of every CPAS due within three days,
 * or overdue, notifies its readers once per kind. Reads no content: states and due dates only.
 */
export async function noticeRegisterDeadlines(ctx: AppContext): Promise<{ notices: number; sent: number; failed: number }> {
  const today = todayIn(ctx.now);
  const mails: Mail[] = [];
  let notices = 0;
  for (const cpasId of await ctx.db.transaction((tx) => listCpasIds(tx))) {
    const found = await ctx.db.transaction(async (tx) => {
      const due = await listRequests(tx, cpasId, { openDueBefore: addDays(today, DUE_SOON_DAYS + 1) });
      const out: Mail[] = [];
      for (const r of due) {
        const kind: RegisterNotificationKind = r.dueOn < today ? 'register-overdue' : 'register-due-soon';
        const { notified, mails: toSend } = await noticeRegisterReaders(tx, ctx, { cpasId, kind, requestId: r.requestId, exceptUserId: null, once: true });
        notices += notified;
        out.push(...toSend);
      }
      return out;
    });
    mails.push(...found);
  }
  return { notices, ...(await sendRegisterMails(ctx, mails)) };
}

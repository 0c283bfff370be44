// Sends the CPAS's e-mails through the SMTP server it configures (CONFIANCE_SMTP_URL). An e-mail
// leaves the CPAS's systems and lands in mailboxes, phones and backups nobody controls: what the
// application sends says that something waits, with a link, and nothing more (no person, no
// offence, no authority). The texts are chosen by the use case; this adapter only delivers.
import nodemailer from 'nodemailer';

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** `url`: smtp://user:pass@host:port or smtps://…; `from`: the sender the CPAS uses. */
export function createSmtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}

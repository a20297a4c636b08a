/** Email through an SMTP server (nodemailer), configured by SMTP_URL or SMTP_HOST and friends. */
import nodemailer from 'nodemailer';
import type { Sender } from '../../platform/outbox';

export interface SmtpOptions {
	/** smtp://user:pass@host:587 or smtps://…:465; instead of host/port/user/pass. */
	url?: string;
	host?: string;
	port?: number;
	/** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
	secure?: boolean;
	user?: string;
	pass?: string;
	/** The From address, e.g. "Sen <no-reply@sen.example.vn>". */
	from: string;
	/** Accept a self-signed certificate (tests, a local relay). */
	allowSelfSigned?: boolean;
}

export function smtpSender(o: SmtpOptions): Sender & { close(): void } {
	const tls = o.allowSelfSigned ? { rejectUnauthorized: false } : undefined;
	const transport = nodemailer.createTransport(
		o.url ? { url: o.url, tls } : { host: o.host, port: o.port ?? (o.secure ? 465 : 587), secure: o.secure ?? false, auth: o.user ? { user: o.user, pass: o.pass ?? '' } : undefined, tls }
	);
	return {
		async send(msg) {
			await transport.sendMail({ from: o.from, to: msg.recipient, subject: msg.subject ?? '', text: msg.body });
		},
		close: () => transport.close()
	};
}

/**
 * SMS through a provider adapter. A provider (an SMS gateway's API) implements `SmsProvider` and
 * registers under a name; SMS_PROVIDER picks one at start. Built in: `log` (development: prints the
 * text; in production it refuses, like the outbox's log sender, so no text is logged).
 */
import type { Sender } from '../../platform/outbox';
import { logSender } from '../../platform/outbox';

export interface SmsProvider {
	send(to: string, text: string): Promise<void>;
}

/** Makes a provider from the environment (its own variables, e.g. an API key). */
export type SmsProviderFactory = (env: Record<string, string | undefined>) => SmsProvider;

const providers = new Map<string, SmsProviderFactory>([['log', () => ({ send: (to, text) => logSender.send({ channel: 'sms', recipient: to, subject: '', body: text }) })]]);

export function registerSmsProvider(name: string, factory: SmsProviderFactory): void {
	providers.set(name, factory);
}
export const smsProviderNames = () => [...providers.keys()];

export function smsProvider(name: string, env: Record<string, string | undefined> = process.env): SmsProvider {
	const factory = providers.get(name);
	if (!factory) throw new Error(`unknown SMS provider "${name}" (known: ${smsProviderNames().join(', ')})`);
	return factory(env);
}

/** The outbox sender for SMS: the body is the text, the recipient the phone number. */
export const smsSender = (provider: SmsProvider): Sender => ({ send: (msg) => provider.send(msg.recipient, msg.body) });

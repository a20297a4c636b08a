/** Registers the real senders a deployment configured (boot); channels left unconfigured keep the log sender. */
import type { Config } from '../../config';
import type { Executor } from '../../db/client';
import { registerSender } from '../../platform/outbox';
import { log } from '../../log';
import { smtpSender } from './email';
import { smsProvider, smsSender } from './sms';
import { webPushSender } from './push';

export function registerConfiguredSenders(config: Config, db: () => Executor): void {
	if (config.smtp) {
		registerSender('email', smtpSender(config.smtp));
		log.info({ smtp: config.smtp.url ? new URL(config.smtp.url).host : config.smtp.host }, 'email: SMTP sender registered');
	}
	if (config.SMS_PROVIDER) {
		registerSender('sms', smsSender(smsProvider(config.SMS_PROVIDER)));
		log.info({ provider: config.SMS_PROVIDER }, 'sms: provider registered');
	}
	if (config.vapid) {
		registerSender('push', webPushSender(db, config.vapid));
		log.info('push: web push (VAPID) sender registered');
	}
}

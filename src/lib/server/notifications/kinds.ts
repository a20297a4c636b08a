/**
 * Every kind of notification Sen sends. A person's preferences are kept per kind (and channel);
 * a module adds its kinds here. `defaultChannels` is what a person gets before choosing; in-app
 * is always on. `urgent` kinds ignore quiet hours and the digest (a safeguarding alert, a reset link).
 */
export type Channel = 'in_app' | 'email' | 'sms' | 'push';

export interface NotificationKindDef {
	/** A module's group, for the preferences page. */
	group: 'messaging' | 'contact_book' | 'counselling' | 'clubs' | 'forums' | 'events' | 'meetings' | 'network' | 'committees' | 'learning' | 'gradebook' | 'account';
	defaultChannels: readonly Channel[];
	urgent?: boolean;
}

export const NOTIFICATION_KINDS = {
	// The general kind for a module that has not declared its own yet.
	'general': { group: 'account', defaultChannels: ['in_app', 'email'] },
	'event_promoted': { group: 'events', defaultChannels: ['in_app', 'email'] },
	'event_reminder': { group: 'events', defaultChannels: ['in_app', 'email'] },
	'event_cancelled': { group: 'events', defaultChannels: ['in_app', 'email'] },
	'meeting_invitation': { group: 'meetings', defaultChannels: ['in_app', 'email'] },
	'meeting_cancelled': { group: 'meetings', defaultChannels: ['in_app', 'email'] }
} as const satisfies Record<string, NotificationKindDef>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const isNotificationKind = (k: string): k is NotificationKind => Object.hasOwn(NOTIFICATION_KINDS, k);

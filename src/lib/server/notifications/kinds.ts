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
	// The community network: a registration waiting for vetters; a member vetted, rejected or suspended;
	// a school's request to a member; the member's answer; the outcome the school recorded.
	'network_registration': { group: 'network', defaultChannels: ['in_app', 'email'] },
	'network_vetting': { group: 'network', defaultChannels: ['in_app', 'email'] },
	'network_request': { group: 'network', defaultChannels: ['in_app', 'email'] },
	'network_answer': { group: 'network', defaultChannels: ['in_app', 'email'] },
	'network_outcome': { group: 'network', defaultChannels: ['in_app'] },
	// A vetted member was made a project's outside mentor.
	'network_mentor': { group: 'network', defaultChannels: ['in_app', 'email'] }
} as const satisfies Record<string, NotificationKindDef>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const isNotificationKind = (k: string): k is NotificationKind => Object.hasOwn(NOTIFICATION_KINDS, k);

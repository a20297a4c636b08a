/**
 * Every kind of notification Sen sends. A person's preferences are kept per kind (and channel);
 * a module adds its kinds here. `defaultChannels` is what a person gets before choosing; in-app
 * is always on. `urgent` kinds ignore quiet hours and the digest (a safeguarding alert, a reset link).
 */
export type Channel = 'in_app' | 'email' | 'sms' | 'push';

export interface NotificationKindDef {
	/** A module's group, for the preferences page. */
	group: 'messaging' | 'contact_book' | 'counselling' | 'clubs' | 'forums' | 'events' | 'meetings' | 'network' | 'committees' | 'learning' | 'gradebook' | 'account' | 'programs' | 'training' | 'surveys';
	defaultChannels: readonly Channel[];
	urgent?: boolean;
}

export const NOTIFICATION_KINDS = {
	// The general kind for a module that has not declared its own yet.
	'general': { group: 'account', defaultChannels: ['in_app', 'email'] },
	// Something changed on one's own account (a new sign-in method, a password change): never held back.
	'account_security': { group: 'account', defaultChannels: ['in_app', 'email'], urgent: true },
	// Counselling: the text never carries a case's content. A reply reaches the requester in the app
	// only — a family's shared mailbox is not the place to learn that a learner asked for help.
	'counselling_case_new': { group: 'counselling', defaultChannels: ['in_app', 'email'] },
	'counselling_reply': { group: 'counselling', defaultChannels: ['in_app'] },
	'counselling_booking': { group: 'counselling', defaultChannels: ['in_app', 'email'] },
	'counselling_booking_cancelled': { group: 'counselling', defaultChannels: ['in_app'] },
	'messaging.message': { group: 'messaging', defaultChannels: ['in_app'] },
	'messaging.announcement': { group: 'messaging', defaultChannels: ['in_app', 'email'] },
	'messaging.report': { group: 'messaging', defaultChannels: ['in_app', 'email'] },
	'contact_book.entry': { group: 'contact_book', defaultChannels: ['in_app', 'email'] },
	'contact_book.reply': { group: 'contact_book', defaultChannels: ['in_app'] },
	// The community network: a registration waiting for vetters; a member vetted, rejected or suspended;
	// a school's request to a member; the member's answer; the outcome the school recorded.
	'network_registration': { group: 'network', defaultChannels: ['in_app', 'email'] },
	'network_vetting': { group: 'network', defaultChannels: ['in_app', 'email'] },
	'network_request': { group: 'network', defaultChannels: ['in_app', 'email'] },
	'network_answer': { group: 'network', defaultChannels: ['in_app', 'email'] },
	'network_outcome': { group: 'network', defaultChannels: ['in_app'] },
	// A vetted member was made a project's outside mentor.
	'network_mentor': { group: 'network', defaultChannels: ['in_app', 'email'] },
	'club_membership_requested': { group: 'clubs', defaultChannels: ['in_app'] },
	'club_membership_decided': { group: 'clubs', defaultChannels: ['in_app', 'email'] },
	'forum_reply': { group: 'forums', defaultChannels: ['in_app'] },
	'committee_announcement': { group: 'committees', defaultChannels: ['in_app', 'email'] },
	'event_promoted': { group: 'events', defaultChannels: ['in_app', 'email'] },
	'event_reminder': { group: 'events', defaultChannels: ['in_app', 'email'] },
	'event_cancelled': { group: 'events', defaultChannels: ['in_app', 'email'] },
	'meeting_invitation': { group: 'meetings', defaultChannels: ['in_app', 'email'] },
	'meeting_cancelled': { group: 'meetings', defaultChannels: ['in_app', 'email'] },
	// Periodic reports: one sent to its receiver; its acceptance or return to the sender; deadline reminders.
	'program_report_submitted': { group: 'programs', defaultChannels: ['in_app', 'email'] },
	'program_report_decided': { group: 'programs', defaultChannels: ['in_app', 'email'] },
	'program_report_reminder': { group: 'programs', defaultChannels: ['in_app', 'email'] },
	// Training: enrolled on a course (by one's leader or the office); a session tomorrow.
	'training_enrolled': { group: 'training', defaultChannels: ['in_app', 'email'] },
	'training_reminder': { group: 'training', defaultChannels: ['in_app', 'email'] },
	// Surveys to schools: sent to the school's leaders, a reminder before closing, a submission returned.
	'survey_sent': { group: 'surveys', defaultChannels: ['in_app', 'email'] },
	'survey_reminder': { group: 'surveys', defaultChannels: ['in_app', 'email'] },
	'survey_returned': { group: 'surveys', defaultChannels: ['in_app', 'email'] },
	// The program office published an announcement, guidance, news or a value statement to one's audience.
	'publication_published': { group: 'programs', defaultChannels: ['in_app', 'email'] },
	// A pilot milestone of one's school comes due within a week (the school's leaders).
	'pilot_milestone_due': { group: 'programs', defaultChannels: ['in_app', 'email'] }
} as const satisfies Record<string, NotificationKindDef>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const isNotificationKind = (k: string): k is NotificationKind => Object.hasOwn(NOTIFICATION_KINDS, k);

/** The channels a person may choose besides in-app (which is always on). */
export const OUTGOING_CHANNELS = ['email', 'sms', 'push'] as const;
export type OutgoingChannel = (typeof OUTGOING_CHANNELS)[number];
export const kindDef = (k: NotificationKind): NotificationKindDef => NOTIFICATION_KINDS[k];

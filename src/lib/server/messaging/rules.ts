/** Pure rules of messaging: what a member sees and may do in a conversation. */
export type ConversationKind = 'direct' | 'class_announcement' | 'project_channel';
export type MemberRole = 'owner' | 'member' | 'recipient';

/**
 * An announcement's recipients (the class's parents) see the owners' messages and their own
 * replies, never another parent's; everyone else sees every message of the conversation.
 */
export function seesMessage(viewer: { personId: string; role: MemberRole }, message: { authorId: string; byOwner: boolean }): boolean {
	if (viewer.role !== 'recipient') return true;
	return message.byOwner || message.authorId === viewer.personId;
}

/** May a member post? Owners always; recipients of an announcement only when replies are allowed. */
export function mayPost(role: MemberRole, conversation: { kind: ConversationKind; repliesAllowed: boolean }): boolean {
	if (role === 'owner') return true;
	if (conversation.kind === 'class_announcement') return conversation.repliesAllowed;
	return true;
}

/** Read receipts of an announcement: how many recipients have read up to the message. */
export function readReceipt(recipients: { lastReadAt: Date | null }[], messageAt: Date): { read: number; total: number } {
	return { read: recipients.filter((r) => r.lastReadAt !== null && r.lastReadAt >= messageAt).length, total: recipients.length };
}

/** The moment before which messages are removed by retention (whole days, UTC arithmetic). */
export function retentionCutoff(now: Date, days: number): Date {
	return new Date(now.getTime() - days * 86_400_000);
}

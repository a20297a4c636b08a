/**
 * In-process live delivery: the message service publishes a conversation's new message after its
 * transaction committed; each open page's server-sent-events stream subscribes to its
 * conversation. Known limit: with several Sen processes on PostgreSQL a subscriber sees only the
 * messages posted through its own process (the others arrive on reload); LISTEN/NOTIFY on the
 * conversation id would carry them across processes.
 */
import { EventEmitter } from 'node:events';

export interface LiveMessage {
	id: string;
	conversationId: string;
	authorId: string;
	authorName: string;
	/** The author is an owner of the conversation (announcements: recipients see only owners' messages and their own). */
	byOwner: boolean;
	body: string;
	createdAt: string;
	attachments: { id: string; name: string }[];
}

const hub = new EventEmitter();
hub.setMaxListeners(0);

export function publish(message: LiveMessage): void {
	hub.emit(message.conversationId, message);
}

/** Calls `fn` for each message posted to the conversation; returns the unsubscribe function. */
export function subscribe(conversationId: string, fn: (m: LiveMessage) => void): () => void {
	hub.on(conversationId, fn);
	return () => hub.off(conversationId, fn);
}

/**
 * A conversation's server-sent-events stream: every new message the subscriber may see (an
 * announcement's parents: the owners' messages and their own) as `event: message`, a comment
 * every 25 s to keep proxies from closing it. The page reconnects on its own (EventSource).
 */
import { subscribe } from './hub';
import { seesMessage, type MemberRole } from './rules';

const HEARTBEAT_MS = 25_000;

export function eventStream(access: { conversationId: string; personId: string; role: MemberRole }, signal: AbortSignal): Response {
	const encoder = new TextEncoder();
	let cleanup = () => {};
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			const send = (chunk: string) => {
				try {
					controller.enqueue(encoder.encode(chunk));
				} catch {
					cleanup();
				}
			};
			send('retry: 3000\n: connected\n\n');
			const unsubscribe = subscribe(access.conversationId, (msg) => {
				if (!seesMessage(access, msg)) return;
				send(`event: message\nid: ${msg.id}\ndata: ${JSON.stringify(msg)}\n\n`);
			});
			const beat = setInterval(() => send(': keep-alive\n\n'), HEARTBEAT_MS);
			cleanup = () => {
				clearInterval(beat);
				unsubscribe();
				try {
					controller.close();
				} catch {
					/* already closed */
				}
			};
			signal.addEventListener('abort', () => cleanup(), { once: true });
		},
		cancel() {
			cleanup();
		}
	});
	return new Response(stream, { headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' } });
}

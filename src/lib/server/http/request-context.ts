import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request values that deep code (audit, logs) reads without threading them through every call. */
const storage = new AsyncLocalStorage<{ requestId: string }>();

export function runWithRequest<T>(requestId: string, fn: () => T): T {
	return storage.run({ requestId }, fn);
}
export function requestId(): string | undefined {
	return storage.getStore()?.requestId;
}

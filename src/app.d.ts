import type { Principal } from '#lib/server/auth/principal';
import type { Logger } from 'pino';

declare global {
	namespace App {
		interface Locals {
			requestId: string;
			log: Logger;
			principal: Principal | null;
			locale: 'vi' | 'en';
		}
		interface Error {
			message: string;
			code?: string;
			requestId?: string;
		}
	}
}
export {};

import type { SessionUser } from '$lib/server/session';

declare global {
	namespace App {
		interface Error {
			message: string;
			errorId?: string;
		}
		interface Locals {
			/** The signed-in user as the database holds them on this request, or null. */
			user: SessionUser | null;
		}
		interface PageData {
			user: SessionUser | null;
		}
	}
}

export {};

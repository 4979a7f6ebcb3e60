import type { Role, UserStatus } from '$lib/server/db/schema';

declare module '@auth/core/types' {
	interface User {
		role?: Role;
		status?: UserStatus;
	}
}

declare module '@auth/core/jwt' {
	interface JWT {
		role?: Role;
		status?: UserStatus;
	}
}

export {};

import type { Session } from '@auth/sveltekit';
import type { SessionUser } from './accounts';

export type { SessionUser };

/** The session as Auth.js hands it over, narrowed to the fields the app relies on. */
export function sessionUserFrom(session: Session | null): SessionUser | null {
	const user = session?.user;
	if (!user?.id || !user.role || !user.status) return null;
	return {
		id: user.id,
		name: user.name ?? null,
		email: user.email ?? '',
		role: user.role,
		status: user.status
	};
}

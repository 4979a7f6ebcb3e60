import { startAppServer, type AppServer } from '../helpers/app-server';
import { E2E_AUTH_SECRET } from './support';

export { freePort } from '../helpers/app-server';

/**
 * Another `node build` on the e2e database: a second server instance, as a deployment with
 * several app servers would run. Only on PostgreSQL, which many processes can share.
 */
export function startInstance(env: Record<string, string> = {}): Promise<AppServer> {
	return startAppServer({
		databaseUrl: env.DATABASE_URL ?? process.env.E2E_DATABASE_URL ?? '',
		authSecret: E2E_AUTH_SECRET,
		env
	});
}

/**
 * Runs before `vite dev`: brings the embedded database up to date and, when it is empty, fills
 * it with the demo data. A configured DATABASE_URL is migrated but never seeded here.
 */
import { count } from 'drizzle-orm';
import { connectConfigured, useConnection } from '../src/lib/server/db/index';
import { migrateDatabase } from '../src/lib/server/db/migrate';
import { user } from '../src/lib/server/db/schema';
import { DEMO_PASSWORD, seedDemoData } from '../src/lib/server/seed';

const connection = connectConfigured();
useConnection(connection);
try {
	await migrateDatabase(connection);
	if (connection.driver === 'pglite') {
		const [row] = await connection.db.select({ n: count() }).from(user);
		if (!row || row.n === 0) {
			const logins = await seedDemoData();
			console.log('\nThe embedded database was empty, so it now holds the demo data.');
			console.log(`Sign in with any of these (password: ${DEMO_PASSWORD}):`);
			for (const login of logins) console.log(`  ${login.role.padEnd(7)} ${login.email}`);
			console.log('');
		}
	}
} finally {
	await connection.close();
}

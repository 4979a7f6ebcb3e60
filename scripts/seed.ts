import { connectConfigured, useConnection } from '../src/lib/server/db/index';
import { DEMO_PASSWORD, seedDemoData } from '../src/lib/server/seed';

const connection = connectConfigured();
useConnection(connection);
try {
	const logins = await seedDemoData();
	console.log('Demo data is in place. Sign in with:');
	for (const login of logins)
		console.log(`  ${login.email.padEnd(22)} ${DEMO_PASSWORD}  (${login.role})`);
} finally {
	await connection.close();
}

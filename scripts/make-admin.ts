/**
 * Makes an existing account an admin: `npm run make-admin -- someone@example.com`.
 * The person signs up first; this is how a real deployment gets its first admin.
 */
import { connectConfigured, useConnection } from '../src/lib/server/db/index';
import { promoteToAdmin } from '../src/lib/server/accounts';
import { normaliseEmail } from '../src/lib/server/email';

const checked = normaliseEmail(process.argv[2] ?? '');
if (!checked.ok) {
	console.error(`Usage: npm run make-admin -- <email of an existing account>\n${checked.message}`);
	process.exit(2);
}

const connection = connectConfigured();
useConnection(connection);
try {
	const promoted = await promoteToAdmin(checked.email);
	if (!promoted) {
		console.error(`No account has the email ${checked.email}. Sign up first, then run this again.`);
		process.exitCode = 1;
	} else {
		console.log(`${promoted.email} is now an admin. It takes effect on their next request.`);
	}
} finally {
	await connection.close();
}

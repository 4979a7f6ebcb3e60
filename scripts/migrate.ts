import { connectConfigured } from '../src/lib/server/db/index';
import { migrateDatabase } from '../src/lib/server/db/migrate';

const connection = connectConfigured();
try {
	await migrateDatabase(connection);
	console.log(`Migrations applied (${connection.driver}).`);
} finally {
	await connection.close();
}

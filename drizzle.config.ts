import { defineConfig } from 'drizzle-kit';

// Note: `drizzle-kit generate` only reads the schema; migrations are applied by
// `npm run db:migrate` (scripts/migrate.ts), never by `push`.
export default defineConfig({
	schema: './src/lib/server/db/schema.ts',
	out: './drizzle',
	dialect: 'postgresql',
	strict: true,
	verbose: true
});

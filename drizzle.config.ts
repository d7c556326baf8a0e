import { defineConfig } from 'drizzle-kit';

// drizzle-kit only *generates* SQL here; migrations are applied by the app at start (src/platform/db/migrate.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/db/schema.ts', './src/modules/*/schema.ts'],
  out: './migrations',
});

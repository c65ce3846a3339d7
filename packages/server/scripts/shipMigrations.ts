/** `npm run migrations:ship`: lists new migration files in shipped.json with their SHA-256 (see shippedMigrations.ts). */
import { shipNewMigrations } from '../src/storage/migrations/shippedMigrations.js';

try {
  const added = shipNewMigrations();
  console.log(added.length > 0 ? `shipped.json: added ${added.join(', ')}` : 'shipped.json: every migration file is listed already');
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}

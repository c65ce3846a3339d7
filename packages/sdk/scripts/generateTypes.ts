/**
 * Regenerates src/generated/openapi.ts from the server's OpenAPI document:
 * `npm run generate --workspace @links/sdk`. A test fails when the committed file is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataPlaneOpenApiDocument } from '../../server/src/http/openApiDocument.js';
import { typesFromOpenApi } from './typesFromOpenApi.js';

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/generated/openapi.ts');
fs.writeFileSync(target, await typesFromOpenApi(await dataPlaneOpenApiDocument()));
console.log(`wrote ${path.relative(process.cwd(), target)}`);

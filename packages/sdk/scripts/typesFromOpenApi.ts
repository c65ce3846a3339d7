/** OpenAPI document → the TypeScript source committed as src/generated/openapi.ts. */
import openapiTS, { astToString } from 'openapi-typescript';

export async function typesFromOpenApi(document: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0]);
  return `/* Generated from the Links server's OpenAPI document by \`npm run generate --workspace @links/sdk\`. Do not edit. */\n\n${astToString(ast)}`;
}

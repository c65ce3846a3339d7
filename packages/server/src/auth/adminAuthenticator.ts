/**
 * The operator token for `/admin/v1`: from LINKS_ADMIN_TOKEN, or generated at first start. Only
 * its SHA-256 is stored; the generated plaintext is handed back once, to be printed once.
 */
import type { Kysely } from 'kysely';
import { LinksError } from '../domain/errors.js';
import type { ControlDatabase } from '../storage/controlSchema.js';
import { bearerToken } from './apiKeyAuthenticator.js';
import { generateAdminToken, hashesEqual, sha256 } from './apiKeyFormat.js';

const CREDENTIAL_NAME = 'admin';

export class AdminAuthenticator {
  private constructor(private readonly tokenHash: Buffer) {}

  /** `generated` is set only in the one process that created the token. */
  static async open(
    control: Kysely<ControlDatabase>,
    configuredToken: string | undefined,
  ): Promise<{ authenticator: AdminAuthenticator; generated?: string }> {
    if (configuredToken) return { authenticator: new AdminAuthenticator(sha256(configuredToken)) };
    const stored = await control.selectFrom('operator_credentials').select('secret_hash').where('name', '=', CREDENTIAL_NAME).executeTakeFirst();
    if (stored) return { authenticator: new AdminAuthenticator(stored.secret_hash) };
    const token = generateAdminToken();
    const inserted = await control
      .insertInto('operator_credentials')
      .values({ name: CREDENTIAL_NAME, secret_hash: sha256(token) })
      .onConflict((oc) => oc.column('name').doNothing())
      .returning('secret_hash')
      .executeTakeFirst();
    if (inserted) return { authenticator: new AdminAuthenticator(inserted.secret_hash), generated: token };
    // Another process generated it first: use theirs.
    const winner = await control.selectFrom('operator_credentials').select('secret_hash').where('name', '=', CREDENTIAL_NAME).executeTakeFirstOrThrow();
    return { authenticator: new AdminAuthenticator(winner.secret_hash) };
  }

  authenticate(authorization: string | undefined): void {
    const token = bearerToken(authorization);
    if (!token) throw new LinksError('unauthenticated', 'Missing admin token: send it as "Authorization: Bearer <LINKS_ADMIN_TOKEN>".');
    if (!hashesEqual(sha256(token), this.tokenHash)) throw new LinksError('unauthenticated', 'Invalid admin token.');
  }
}

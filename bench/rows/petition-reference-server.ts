/**
 * The petition bench's reference (run as its own process, like the real server): a bare Fastify POST endpoint
 * that parses the same form and does ONE durable insert of the same signature row (same columns: the address,
 * name and postcode encrypted, the keyed hashes of the address and client, token hashes) into the same engine,
 * answering after the commit.
 * No challenge, no dedupe check, no consents, no outbox, no limits, no security headers, no logging.
 * Configured like the server (LAWGAP_DATA_DIR or DATABASE_URL, PORT, LAWGAP_SECRET_KEY) plus
 * REFERENCE_PETITION_ID.
 */
import { randomBytes } from 'node:crypto';
import formbody from '@fastify/formbody';
import Fastify from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { encryptField, loadFieldKey } from '../../src/services/field-crypto.ts';
import { clientHash } from '../../src/services/petition-limits.ts';
import { signatureUnsubscribeToken, signerHash } from '../../src/services/petition-signing.ts';
import { createStore } from '../../src/store/db.ts';
import { hashSecret } from '../../src/store/sessions.repo.ts';
import { newSortableId } from '../../src/store/util.ts';

const config = loadConfig();
const key = loadFieldKey(config);
const petitionId = process.env.REFERENCE_PETITION_ID ?? '';
const store = createStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const app = Fastify({ logger: false });
await app.register(formbody);

app.post('/sign', async (request, reply) => {
  const body = request.body as Record<string, string | undefined>;
  const now = new Date();
  const id = newSortableId(now.getTime());
  const email = (body.email ?? '').trim();
  const hash = signerHash(key, email);
  await store.db
    .insertInto('petition_signatures')
    .values({
      id,
      petition_id: petitionId,
      idempotency_key: body.idempotency_key ?? randomBytes(18).toString('base64url'),
      email_ciphertext: encryptField(key, email),
      email_hash: hash,
      name_ciphertext: encryptField(key, (body.name ?? '').trim()),
      postcode_ciphertext: body.postcode ? encryptField(key, body.postcode.trim()) : null,
      country: null,
      locale: 'en',
      status: 'pending',
      counted: 0,
      confirm_token_hash: hashSecret(randomBytes(32).toString('base64url')),
      unsubscribe_token_hash: hashSecret(signatureUnsubscribeToken(key, id)),
      created_at: now.toISOString(),
      confirmed_at: null,
      ip_hash: clientHash(key, request.ip),
      email_domain: email.split('@').pop() ?? null,
      marked: null,
      challenge: 'none',
      invalidation_id: null,
      pending_person: hash,
    })
    .execute();
  return reply.type('text/html; charset=utf-8').send('<p>ok</p>');
});

await app.listen({ port: config.port, host: '127.0.0.1' });
process.stdout.write(`lawgap: serving the reference endpoint on port ${config.port}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app
      .close()
      .then(() => store.destroy())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  });
}

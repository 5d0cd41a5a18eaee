/**
 * `petition-intake`: signatures per second through the whole pipeline of the real server (a child process
 * running src/server/main.ts: challenge check at the lowest configured difficulty, dedupe, consent records,
 * the outbox row, answered after the commit; the background loop delivering mail to an SMTP server on
 * loopback meanwhile) against a bare Fastify endpoint in its own process doing one durable insert of the same
 * row into the same engine (petition-reference-server.ts), on SQLite and on PostgreSQL. Challenges are solved
 * before each timed round; each round posts a fixed list of bodies sized to last about the round's seconds.
 * Limits are raised for loopback traffic (every request comes from 127.0.0.1; see `loopbackLimits`).
 */
import type { DialectName } from '../../src/store/db.ts';
import {
  createPetitionPlace,
  lowestDifficulty,
  type PetitionPlace,
  postgresAnswers,
  ServerProcess,
  signatureBody,
} from '../../test/crash/petition-server.ts';
import type { BenchRow, MeasureSettings, TableLine } from '../measure.ts';
import { discardingSmtp, failuresOf, postBodies, quantile, solvedBodies, sumRuns } from './petition-load.ts';

/** The targets. */
const target = { sqlite: 1000, postgres: 500, p95Ms: 100, ratio: 0.3 };

async function measure(place: PetitionPlace, settings: MeasureSettings) {
  const smtp = await discardingSmtp();
  const ours = await ServerProcess.create(place, smtp.url, lowestDifficulty);
  const reference = await ServerProcess.create(
    place,
    null,
    { REFERENCE_PETITION_ID: place.petition.id },
    'bench/rows/petition-reference-server.ts',
  );
  try {
    await Promise.all([ours.start(), reference.start()]);
    const signUrl = `${ours.url}/act/${place.petition.slug}/sign`;
    const refUrl = `${reference.url}/sign`;
    let n = 0;
    const oursBodies = (count: number) => {
      const from = n;
      n += count;
      return solvedBodies(ours.url, place.petition.slug, 'bench', from, count);
    };
    const refBodies = (count: number) => Array.from({ length: count }, () => signatureBody('ref', n++, {}));
    // Warm-up (not measured): it also gives each side's rate, to size the rounds' lists.
    const warm = async (url: string, bodies: string[]) => {
      const r = await postBodies(url, bodies, settings.connections);
      return Math.max(50, r.ok / Math.max(0.1, r.seconds));
    };
    let rateOurs = await warm(signUrl, await oursBodies(settings.warmupSeconds * 800 || 400));
    let rateRef = await warm(refUrl, refBodies(settings.warmupSeconds * 2000 || 1000));
    const rounds = Math.min(5, settings.seconds);
    const oursRuns = [];
    const refRuns = [];
    for (let round = 0; round < rounds; round++) {
      const seconds = Math.floor(settings.seconds / rounds) + (round < settings.seconds % rounds ? 1 : 0);
      const o = await postBodies(
        signUrl,
        await oursBodies(Math.ceil(rateOurs * seconds)),
        settings.connections,
      );
      oursRuns.push(o);
      rateOurs = Math.max(50, o.ok / Math.max(0.1, o.seconds));
      const r = await postBodies(refUrl, refBodies(Math.ceil(rateRef * seconds)), settings.connections);
      refRuns.push(r);
      rateRef = Math.max(50, r.ok / Math.max(0.1, r.seconds));
    }
    return { ours: sumRuns(oursRuns), reference: sumRuns(refRuns), mailed: smtp.received() };
  } finally {
    await Promise.all([ours.stop(), reference.stop()]);
    await smtp.close();
  }
}

async function lines(dialect: DialectName, settings: MeasureSettings): Promise<TableLine[]> {
  const place = await createPetitionPlace(dialect);
  try {
    const { ours, reference, mailed } = await measure(place, settings);
    const rate = ours.ok / ours.seconds;
    const refRate = reference.ok / reference.seconds;
    const ratio = refRate > 0 ? rate / refRate : 0;
    const p95 = quantile(ours.latenciesMs, 0.95);
    const failures = failuresOf(ours) + failuresOf(reference);
    const met =
      rate >= target[dialect] && p95 < target.p95Ms && failures === 0 && ratio >= target.ratio
        ? 'met'
        : 'NOT met';
    const fmt = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });
    return [
      {
        name: `POST /act/:slug/sign, whole pipeline [${dialect}] (signatures/s)`,
        ours: failuresOf(ours) > 0 ? `${fmt(rate)} (${failuresOf(ours)} failed)` : fmt(rate),
        reference:
          failuresOf(reference) > 0 ? `${fmt(refRate)} (${failuresOf(reference)} failed)` : fmt(refRate),
        ratio: ratio.toFixed(2),
        failed: failures > 0,
        details:
          `petition intake [${dialect}]: ${ours.ok} signatures in ${ours.seconds.toFixed(1)} s; latency ` +
          `p50/p95/p99 ours ${quantile(ours.latenciesMs, 0.5)}/${p95}/${quantile(ours.latenciesMs, 0.99)} ms, ` +
          `reference ${quantile(reference.latenciesMs, 0.5)}/${quantile(reference.latenciesMs, 0.95)}/` +
          `${quantile(reference.latenciesMs, 0.99)} ms; non-2xx ${JSON.stringify(ours.statuses)}, errors ` +
          `${ours.errors}; ${mailed} confirmation mails delivered meanwhile; targets (≥ ${target[dialect]}/s, ` +
          `p95 < ${target.p95Ms} ms, no errors, ≥ ${target.ratio}×) ${met}`,
      },
    ];
  } finally {
    await place.drop();
  }
}

/** The petition intake row (both engines; PostgreSQL when reachable). */
export const petitionIntakeRow: BenchRow = {
  id: 'petition-intake',
  name: 'petition intake, whole pipeline vs one durable insert',
  extraSeconds: 120,
  async run(settings) {
    const out = await lines('sqlite', settings);
    if (await postgresAnswers()) out.push(...(await lines('postgres', settings)));
    else
      out.push({
        name: 'POST /act/:slug/sign, whole pipeline [postgres]',
        ours: 'skipped',
        reference: 'skipped',
        ratio: '–',
        failed: false,
        details: 'petition intake [postgres]: PostgreSQL not reachable',
      });
    return out;
  },
};

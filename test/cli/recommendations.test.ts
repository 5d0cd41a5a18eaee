/** `lawgap recommendations set|list` as a person runs them: versions on one database, bad input refused with exit 2. */
import { expect, it } from 'vitest';
import { freshDataDir, runCli } from './run-cli.ts';

it('sets two versions for an organization, lists the latest, and refuses bad input with exit 2', async () => {
  const dataDir = freshDataDir();
  const org = await runCli(['org', 'create', 'Coalition CLI'], { dataDir });
  expect(org.code, org.stderr).toBe(0);
  const set = (...args: string[]) => runCli(['recommendations', 'set', 'CR-01', ...args], { dataDir });
  const first = await set('--org', 'coalition-cli', '--text', 'Criminalise it.');
  expect(first.code, first.stderr).toBe(0);
  const second = await set(
    '--org',
    'coalition-cli',
    '--locale',
    'es',
    '--text',
    'Tipificarlo.',
    '--model-language',
    'Artículo 1.',
  );
  const again = await set('--org', 'coalition-cli', '--text', 'Criminalise all of it.', '--json');
  expect(second.code, second.stderr).toBe(0);
  expect(JSON.parse(again.stdout)).toMatchObject({ version: 2, locale: 'en' });
  const [list, empty, badLocale, unknownOrg] = await Promise.all([
    runCli(['recommendations', 'list', '--org', 'coalition-cli', '--json'], { dataDir }),
    set('--org', 'coalition-cli', '--text', ' '),
    set('--org', 'coalition-cli', '--locale', 'de', '--text', 'x'),
    set('--org', 'nobody', '--text', 'x'),
  ]);
  expect(list.code, list.stderr).toBe(0);
  const rows = JSON.parse(list.stdout) as Array<{
    locale: string;
    version: number;
    modelLanguage: string | null;
  }>;
  expect(rows.map((r) => [r.locale, r.version, r.modelLanguage])).toEqual([
    ['en', 2, null],
    ['es', 1, 'Artículo 1.'],
  ]);
  for (const bad of [empty, badLocale, unknownOrg]) expect(bad.code, bad.stderr).toBe(2);
});

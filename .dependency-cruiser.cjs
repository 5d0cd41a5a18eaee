/** The one dependency rule (ARCHITECTURE.md): core is pure; nothing imports server, cli or web; no cycles. */
const layer = (name) => `^src/${name}/`;
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'core-is-pure',
      comment: 'src/core imports nothing of ours outside core, and no IO modules.',
      severity: 'error',
      from: { path: layer('core') },
      to: { pathNot: [layer('core')], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'core-no-node',
      severity: 'error',
      from: { path: layer('core') },
      to: { dependencyTypes: ['core', 'npm', 'npm-dev'] },
    },
    {
      name: 'nothing-imports-server-cli-web',
      severity: 'error',
      from: { pathNot: '^src/(server|cli|web)/' },
      to: { path: '^src/(server|cli|web)/' },
    },
    {
      name: 'server-cli-web-are-separate',
      severity: 'error',
      from: { path: '^src/(server|cli)/' },
      to: { path: '^src/web/' },
    },
    {
      name: 'cli-not-server',
      severity: 'error',
      from: { path: layer('cli') },
      to: { path: layer('server') },
    },
    {
      name: 'server-not-cli',
      severity: 'error',
      from: { path: layer('server') },
      to: { path: layer('cli') },
    },
    {
      name: 'web-only-contracts-and-core',
      severity: 'error',
      from: { path: layer('web') },
      to: { path: '^src/(store|services|ingest|server|cli)/|^src/config\\.ts$' },
    },
    {
      name: 'contracts-ingest-store-only-core',
      severity: 'error',
      from: { path: '^src/(contracts|ingest|store)/' },
      to: { path: '^src/(services|server|cli|web)/' },
    },
    {
      name: 'services-not-contracts',
      comment: 'services speak core types; HTTP shapes stay at the edge',
      severity: 'error',
      from: { path: layer('services') },
      to: { path: '^src/(server|cli|web|contracts)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.tsx?$' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};

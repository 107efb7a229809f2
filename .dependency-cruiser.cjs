/**
 * PlanHub's direction of imports (shared/STYLE.md, "PlanHub's own direction of imports") as
 * rules that `npm test` checks (tests/unit/dependencies.test.ts). Paths are relative to the
 * repository root. Type-only imports count: an arrow that runs the wrong way is one whether or
 * not it survives type stripping. Tests may import anything, so they are not cruised.
 */

/**
 * Leaf modules every layer may use: they import nothing of the app themselves. privacy/ masks
 * personal data in text, which the indexers need as much as the services.
 */
const LEAVES = '^services/common/|^services/resources/resource[.]schema[.]ts$|^services/privacy/';
/** What of services/ the indexers may use besides the leaves: the store and config types. */
const INDEXER_MAY_USE = `${LEAVES}|^services/db/|^services/config/`;
const APP = '^(services|indexers|rules|bin|web)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve would hide its arrow from every other rule.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A circle of imports is a bug (STYLE.md).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'nothing-imports-web',
      severity: 'error',
      comment: 'web/ talks to the services over HTTP only.',
      from: { pathNot: '^web/' },
      to: { path: '^web/' },
    },
    {
      name: 'web-over-http-only',
      severity: 'error',
      comment: 'web/ reads the services over HTTP (same origin, /api), never by importing them.',
      from: { path: '^web/' },
      to: { path: '^(services|indexers|rules|bin)/' },
    },
    {
      name: 'rules-are-pure',
      severity: 'error',
      comment: 'rules/ are data and pure functions: they import nothing of the app.',
      from: { path: '^rules/' },
      to: { path: APP, pathNot: '^rules/' },
    },
    {
      name: 'leaves-import-nothing',
      severity: 'error',
      comment: 'services/common/, services/privacy/ and resource.schema.ts are leaves every layer may import.',
      from: { path: LEAVES },
      to: { path: APP, pathNot: '^services/(common|privacy)/' },
    },
    {
      name: 'indexers-below-services',
      severity: 'error',
      comment: 'services → indexers, never back, except to the leaf modules and store/config types.',
      from: { path: '^indexers/' },
      to: { path: '^services/', pathNot: INDEXER_MAY_USE },
    },
    {
      name: 'stores-below-services',
      severity: 'error',
      comment: 'Stores hold no business logic: they do not call services or routes.',
      from: { path: '[.]store[.]ts$' },
      to: { path: '[.](service|routes)[.]ts$' },
    },
    {
      name: 'services-below-routes',
      severity: 'error',
      comment: 'A service does not know how it is called: no routes, no HTTP server, no CLI.',
      from: { path: '[.]service[.]ts$' },
      to: { path: '[.]routes[.]ts$|^services/(server|cli)/' },
    },
    {
      name: 'cli-is-an-entry-point',
      severity: 'error',
      comment: 'Only the CLI itself and its launcher (bin/) import services/cli.',
      from: { pathNot: '^services/cli/|^bin/' },
      to: { path: '^services/cli/' },
    },
    {
      name: 'routes-registered-by-the-server',
      severity: 'error',
      comment: 'Routes are registered by the HTTP server, the CLI or the runtime, nowhere else.',
      from: { pathNot: '^services/(server|cli|runtime)/' },
      to: { path: '[.]routes[.]ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // web/.next is Next's build output; next-env.d.ts is written by Next for its types.
    exclude: { path: '[.]test[.]tsx?$|^tests/|^web/[.]next/|^web/next-env[.]d[.]ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};

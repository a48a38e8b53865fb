// The dependency direction of warroom, as rules dependency-cruiser checks (docs/architecture.md
// says why; test/architecture/dependencies.test.ts runs them in `npm test`). The exceptions the
// rules allow are listed, each with its reason, in docs/architecture.md, and nowhere else: the
// test subtracts exactly those and fails on any exception that is no longer needed.
//
// `npx depcruise src views` runs the same rules by hand (it reports the listed exceptions too).

/** Folders below every capability: they import only each other. */
const FOUNDATION = '^src/(config|exec|time|text|mode|keys|terminal)/';
/** Folders named for what the user knows the console can do. */
const CAPABILITY = '^src/(probes|logs|metrics|runbooks|actions|escalation|status-updates|timeline|selfmetrics|export|alerts|annotations|share)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles, type-only ones included: every part must be understandable from what it imports.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'foundation-stays-down',
      comment: 'config, exec, time, text, mode, keys and terminal are below everything: they import only each other (and packages).',
      severity: 'error',
      from: { path: FOUNDATION },
      to: { path: '^(src|views)/', pathNot: FOUNDATION },
    },
    {
      name: 'store-holds-data',
      comment:
        "The store holds data and declares the interfaces it calls. It may name a capability's types (type-only imports), never run its code, and never reach the engine, the CLI or the views.",
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: CAPABILITY, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'store-below-engine',
      comment: 'The store never imports the engine, the CLI, the demo or the views.',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^(src/(engine|cli|demo)/|views/)' },
    },
    {
      name: 'only-capability-ts-touches-store-and-engine',
      comment:
        "Inside a capability only capability.ts wires it to the store and the engine; the rest works on the capability's own types and the interfaces it declares.",
      severity: 'error',
      from: { path: CAPABILITY, pathNot: '/capability\\.ts$' },
      to: { path: '^src/(store|engine)/' },
    },
    {
      name: 'capabilities-below-engine',
      comment: 'Capabilities never import the engine (except its capability contract), the CLI, the demo or the views.',
      severity: 'error',
      from: { path: CAPABILITY },
      to: { path: '^(src/(engine/(?!capability\\.ts$)|cli/|demo/)|views/)' },
    },
    {
      name: 'only-the-engine-starts-capabilities',
      comment: "A capability's capability.ts is imported only by the engine's list of capabilities.",
      severity: 'error',
      from: { path: '^(src|views)/', pathNot: '^src/engine/capabilities\\.ts$' },
      to: { path: '^src/(?!engine/)[^/]+/capability\\.ts$' },
    },
    {
      name: 'engine-below-entry-points',
      comment: 'The engine never imports the CLI, the demo or the views.',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { path: '^(src/(cli|demo)/|views/)' },
    },
    {
      name: 'src-never-imports-views',
      comment: 'src/ is the engine and runs with no terminal: it never imports the views, React or Ink.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(views/|node_modules/(react|ink|ink-[^/]+)/)' },
    },
    {
      name: 'views-call-declared-commands',
      comment:
        "Views read the store and call the commands the store declares: never the engine, the CLI, a capability's capability.ts or its controller.",
      severity: 'error',
      from: { path: '^views/' },
      to: { path: '^src/(engine/|cli/|[^/]+/(capability|controller)\\.ts$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a cycle through types still means no part can be read alone.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};

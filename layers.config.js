// The architecture's areas and which may import which: an allowlist, so a new import between
// areas fails lint until it is written here. core/pure runs anywhere (renderer included);
// core/node needs Node; the transports (main, preload, server, cli) and the renderer sit on top.
export const layerElements = [
  { type: 'core-pure', pattern: 'src/core/pure/**', partialMatch: false },
  { type: 'core-node', pattern: 'src/core/node/**', partialMatch: false },
  { type: 'renderer', pattern: 'src/renderer/**', partialMatch: false },
  { type: 'main', pattern: 'src/main/**', partialMatch: false },
  { type: 'preload', pattern: 'src/preload/**', partialMatch: false },
  { type: 'server', pattern: 'src/server/**', partialMatch: false },
  { type: 'cli', pattern: 'src/cli/**', partialMatch: false },
];

/** Area → the areas it may import (itself always included). */
export const allowedImports = {
  'core-pure': ['core-pure'],
  'core-node': ['core-node', 'core-pure'],
  renderer: ['renderer', 'core-pure'],
  preload: ['preload', 'core-pure'],
  main: ['main', 'core-node', 'core-pure'],
  server: ['server', 'core-node', 'core-pure'],
  cli: ['cli', 'server', 'core-node', 'core-pure'],
};

export const layerPolicies = Object.entries(allowedImports).map(([from, to]) => ({
  from: { element: { type: from } },
  allow: { to: { element: { types: { anyOf: to } } } },
}));

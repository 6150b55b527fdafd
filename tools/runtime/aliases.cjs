// Resolves the workspace's `@interscambio/<lib>` imports in compiled output (dist/<app>/libs/<lib>/src),
// the runtime twin of the `paths` in tsconfig.base.json. Loaded with `node --require`.
const Module = require('node:module');
const path = require('node:path');

const distRoot = process.env.INTERSCAMBIO_DIST_ROOT;
const original = Module._resolveFilename;
Module._resolveFilename = function resolve(request, parent, ...rest) {
  // `<lib>/testing` is the lib's test support (libs/<lib>/test), which the bench mints its tokens with.
  const match = distRoot && /^@interscambio\/([a-z-]+)(\/testing)?$/.exec(request);
  const entry = match && match[2] ? ['test', 'index.js'] : ['src', 'index.js'];
  const target = match ? path.join(distRoot, 'libs', match[1], ...entry) : request;
  return original.call(this, target, parent, ...rest);
};

// The house's floors as an ESLint rule (`house/layers`, in eslint.config.js): every import —
// static, re-export or dynamic `import()` — is resolved to the file it names, and an import
// that runs back up a floor fails `npm run lint`. From the bottom up: src/types.ts,
// src/errors.ts, src/paths.ts and src/fs/ (the ground); src/answer/ (the answering core);
// src/logger.ts (masks with the core's masker); src/service/; src/pipeline/; the composition
// root (src/bot.ts, src/app.ts…) and src/eval/; then adapters/, staff-console/ and cli/.
// docs/architecture.md draws the same floors.
import path from 'node:path';

const ROOT_FILES = ['src/bot.ts', 'src/app.ts', 'src/app-hooks.ts', 'src/reply-json.ts'];
const OUTSIDE_SRC = ['adapters/', 'staff-console/', 'cli/', 'test/', 'bench/', 'scripts/'];

/** Where a file stands, and the places it must not import (path prefixes or files), with why. */
const FLOORS = [
  {
    floor: /^src\/(types|errors|paths)\.ts$|^src\/fs\//,
    forbidden: ['src/answer/', 'src/service/', 'src/pipeline/', 'src/eval/', 'src/logger.ts', ...ROOT_FILES, ...OUTSIDE_SRC],
    why: 'the ground (src/types.ts, errors.ts, paths.ts, fs/) imports nothing of the house',
  },
  {
    floor: /^src\/answer\//,
    forbidden: ['src/service/', 'src/pipeline/', 'src/eval/', 'src/logger.ts', ...ROOT_FILES, ...OUTSIDE_SRC],
    why: "the answering core (src/answer) imports only itself and the ground; a logger comes in as pino's Logger type",
  },
  {
    floor: /^src\/service\//,
    forbidden: ['src/pipeline/', 'src/eval/', ...ROOT_FILES, ...OUTSIDE_SRC],
    why: 'the service (src/service) runs the core; the pipeline and the composition root stand above it',
  },
  {
    floor: /^src\/pipeline\//,
    forbidden: ['src/eval/', ...ROOT_FILES, ...OUTSIDE_SRC],
    why: 'the pipeline (src/pipeline) uses the core and the service; bot.ts and app.ts put it together',
  },
  { floor: /^src\//, forbidden: OUTSIDE_SRC, why: 'src/ never imports an adapter, the staff console, the CLI or tests (house style 1)' },
  { floor: /^adapters\//, forbidden: ['staff-console/', 'cli/', 'test/', 'bench/'], why: 'the chat adapters stand beside the staff console and below the CLI' },
  { floor: /^staff-console\//, forbidden: ['cli/', 'test/', 'bench/'], why: 'the staff console stands below the CLI that mounts it' },
];

/** The repository path a relative specifier names, as a source file (`.js` read as `.ts`). */
function target(fromFile, specifier) {
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  return joined.replace(/\.js$/, '.ts');
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports run down the floors of the house (docs/architecture.md), never back up.' },
    schema: [],
  },
  create(context) {
    const file = path.relative(context.cwd, context.filename).split(path.sep).join('/');
    const floor = FLOORS.find((f) => f.floor.test(file));
    if (!floor) return {};
    const check = (node, source) => {
      const specifier = source?.type === 'Literal' ? source.value : source?.type === 'TemplateLiteral' && source.expressions.length === 0 ? source.quasis[0].value.cooked : undefined;
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const to = target(file, specifier);
      const hit = floor.forbidden.find((place) => (place.endsWith('/') ? to.startsWith(place) : to === place));
      if (hit) context.report({ node: source, message: `${file} imports ${to}: ${floor.why}.` });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

export default { rules: { layers: rule } };

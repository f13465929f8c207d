// The architecture as a lint rule (`ripple/architecture`), so that a wrong import fails `npm run lint`
// instead of waiting for a reviewer to notice:
//   (a) a library is imported only as `@lib/<name>` (its index.ts), never by a path into libs/<name>
//       from outside it, nor by a deep `@lib/<name>/...` path;
//   (b) libraries import only libraries of a lower layer (LIBRARY_LAYERS below, derived from what the
//       code imports); nothing inside libs/ reaches into apps/ or tests/;
//   (c) web features (apps/web/src/features/<area>) do not import each other, and the shared web code
//       (components/, lib/, api/, styles/, i18n/) imports no feature and not app/; app/ composes features.
// Tests may import anything. A local rule rather than eslint-plugin-boundaries: that plugin resolves
// imports through eslint-import-resolver-node, which knows neither the `@lib/*` nor the `@/*` alias.
'use strict';
const path = require('node:path');

/**
 * Lower layers first; a library may import libraries of strictly lower layers only (so two libraries
 * of one layer never import each other, and no cycle can form).
 */
const LIBRARY_LAYERS = [
  ['common', 'database'],
  ['audit', 'jobs', 'notifications'], // infrastructure: the trail, durable jobs, mail
  ['identity'],
  ['frameworks'],
  ['organizations'], // an organisation's set-up and settings: its first admin and default framework
  ['cycles'],
  ['feedback'],
  ['reports'],
  ['demo'],
];

/** Paths outside libs/ that a library may import, by library (repo-relative, without extension). */
const LIBRARY_OUTSIDE_IMPORTS = {
  // The migrator runs the migrations' list; the migrations import nothing of the libraries.
  database: ['migrations', 'migrations/index'],
};

const WEB_SHARED = new Set(['components', 'lib', 'api', 'styles', 'i18n']);

/** What part of the architecture a repo-relative path belongs to. */
function classify(rel) {
  const parts = rel.split('/');
  if (parts[0] === 'libs' && parts.length > 1) return { kind: 'lib', name: parts[1] };
  if (parts[0] === 'tests' || parts[0] === 'tools') return { kind: 'tests' };
  if (parts[0] === 'migrations') return { kind: 'migrations' };
  if (parts[0] === 'apps' && parts[1] === 'web' && parts[2] === 'src') {
    if (parts[3] === 'features' && parts.length > 4) return { kind: 'feature', name: parts[4] };
    if (WEB_SHARED.has(parts[3])) return { kind: 'web-shared', name: parts[3] };
    return { kind: 'web-app' };
  }
  if (parts[0] === 'apps' && parts.length > 1) return { kind: 'app', name: parts[1] };
  return { kind: 'other' };
}

function layerOf(layers, name) {
  return layers.findIndex((layer) => layer.includes(name));
}

const withoutExtension = (rel) => rel.replace(/\.(d\.)?[cm]?[jt]sx?$/, '');

/** @type {import('eslint').Rule.RuleModule} */
const architecture = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layering of libs/ and apps/web (see CONTRIBUTING.md)' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          layers: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
          outside: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      deepAlias: "Import `@lib/{{name}}`, the library's index.ts, not a path inside it.",
      libraryByPath: 'Import `@lib/{{name}}` (its index.ts), not a path into libs/{{name}}.',
      upward:
        'libs/{{from}} (layer {{fromLayer}}) may not import `@lib/{{to}}` (layer {{toLayer}}): a library imports only lower layers (tools/lint/architecture.cjs).',
      unknownLibrary: '`@lib/{{name}}` is not in the library layers of tools/lint/architecture.cjs: give it a layer there.',
      selfAlias: 'Inside libs/{{name}}, import its files by relative path, not through `@lib/{{name}}` (a cycle through its own index).',
      outsideLibrary: 'libs/{{name}} may not import {{target}}: a library reaches other code only through `@lib/<name>`.',
      crossFeature:
        'features/{{from}} may not import features/{{to}}: features do not import each other (compose them in app/, share code through components/, lib/ or api/).',
      sharedImportsFeature: '{{from}}/ is shared by every feature: it may not import {{to}}.',
    },
  },
  create(context) {
    const options = context.options[0] ?? {};
    const root = options.root ?? context.cwd;
    const layers = options.layers ?? LIBRARY_LAYERS;
    const outside = options.outside ?? LIBRARY_OUTSIDE_IMPORTS;
    const filename = context.filename;
    const fromRel = path.relative(root, filename).split(path.sep).join('/');
    if (fromRel.startsWith('..')) return {};
    const from = classify(fromRel);
    if (from.kind === 'tests') return {};

    /** @param {import('estree').Node} node @param {string} source */
    function check(node, source) {
      if (source.startsWith('@lib/')) {
        const [name, ...rest] = source.slice('@lib/'.length).split('/');
        if (rest.length > 0) return context.report({ node, messageId: 'deepAlias', data: { name } });
        if (from.kind !== 'lib') return;
        if (name === from.name) return context.report({ node, messageId: 'selfAlias', data: { name } });
        const fromLayer = layerOf(layers, from.name);
        const toLayer = layerOf(layers, name);
        if (fromLayer < 0) return context.report({ node, messageId: 'unknownLibrary', data: { name: from.name } });
        if (toLayer < 0) return context.report({ node, messageId: 'unknownLibrary', data: { name } });
        if (toLayer >= fromLayer) {
          context.report({ node, messageId: 'upward', data: { from: from.name, to: name, fromLayer: String(fromLayer), toLayer: String(toLayer) } });
        }
        return;
      }
      let targetRel;
      if (source.startsWith('@/')) targetRel = `apps/web/src/${source.slice(2)}`;
      else if (source.startsWith('.'))
        targetRel = path
          .relative(root, path.resolve(path.dirname(filename), source))
          .split(path.sep)
          .join('/');
      else return; // a package
      const to = classify(targetRel);
      if (to.kind === 'lib' && !(from.kind === 'lib' && from.name === to.name)) {
        return context.report({ node, messageId: 'libraryByPath', data: { name: to.name } });
      }
      if (from.kind === 'lib' && to.kind !== 'lib') {
        if (!(outside[from.name] ?? []).includes(withoutExtension(targetRel))) {
          context.report({ node, messageId: 'outsideLibrary', data: { name: from.name, target: targetRel } });
        }
        return;
      }
      if (from.kind === 'feature' && to.kind === 'feature' && to.name !== from.name) {
        return context.report({ node, messageId: 'crossFeature', data: { from: from.name, to: to.name } });
      }
      if (from.kind === 'web-shared' && (to.kind === 'feature' || to.kind === 'web-app')) {
        context.report({ node, messageId: 'sharedImportsFeature', data: { from: from.name, to: to.kind === 'feature' ? `features/${to.name}` : 'app/' } });
      }
    }

    const fromSource = (node) => {
      if (node.source && node.source.type === 'Literal' && typeof node.source.value === 'string') check(node, node.source.value);
    };
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: fromSource,
      TSImportEqualsDeclaration(node) {
        const ref = node.moduleReference;
        if (ref.type === 'TSExternalModuleReference' && ref.expression.type === 'Literal' && typeof ref.expression.value === 'string') {
          check(node, ref.expression.value);
        }
      },
    };
  },
};

module.exports = { rules: { architecture }, LIBRARY_LAYERS, LIBRARY_OUTSIDE_IMPORTS };

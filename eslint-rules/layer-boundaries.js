/**
 * ESLint rule `pressroom/layer-boundaries`: which folder may import which.
 *
 * Each layer is a folder (relative to the repo root) with the layers it may import, the packages it
 * must not import, and whether Node's built-in modules are allowed. An import of another layer, a
 * forbidden package or a Node built-in in a layer that may not use one is reported. Files outside
 * every layer (tests, scripts, bench) are not checked. tests/unit/lint/ proves the rule fires.
 */
import { builtinModules } from 'node:module';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

const builtins = new Set(builtinModules);

const isBuiltin = (source) => source.startsWith('node:') || builtins.has(source.split('/')[0]);

const packageName = (source) =>
  source.startsWith('@') ? source.split('/').slice(0, 2).join('/') : source.split('/')[0];

const toPosix = (path) => path.split(sep).join('/');

const layerOf = (layers, repoPath) =>
  layers.find((layer) => repoPath === layer.folder || repoPath.startsWith(`${layer.folder}/`));

/** @type {import('eslint').Rule.RuleModule} */
export const layerBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep each runtime layer to the imports it may use.' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          layers: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                folder: { type: 'string' },
                mayImport: { type: 'array', items: { type: 'string' } },
                forbiddenPackages: { type: 'array', items: { type: 'string' } },
                nodeBuiltins: { type: 'boolean' },
              },
              required: ['folder', 'mayImport'],
              additionalProperties: false,
            },
          },
        },
        required: ['root', 'layers'],
        additionalProperties: false,
      },
    ],
    messages: {
      layer: '{{from}} may not import {{to}} ({{source}}). Allowed: {{allowed}}.',
      package: '{{from}} may not import the package "{{name}}".',
      builtin: '{{from}} may not use Node built-in "{{source}}": it does not run in Node.',
    },
  },
  create(context) {
    const { root, layers } = context.options[0];
    const filename = context.filename;
    if (!isAbsolute(filename)) return {};
    const from = layerOf(layers, toPosix(relative(root, filename)));
    if (!from) return {};

    const check = (node, source) => {
      if (typeof source !== 'string') return;
      if (source.startsWith('.')) {
        const target = toPosix(relative(root, resolve(dirname(filename), source)));
        const to = layerOf(layers, target);
        if (to && to !== from && !from.mayImport.includes(to.folder)) {
          context.report({
            node,
            messageId: 'layer',
            data: {
              from: from.folder,
              to: to.folder,
              source,
              allowed: [from.folder, ...from.mayImport].join(', '),
            },
          });
        }
        return;
      }
      if (isBuiltin(source)) {
        if (!from.nodeBuiltins)
          context.report({ node, messageId: 'builtin', data: { from: from.folder, source } });
        return;
      }
      const name = packageName(source);
      if ((from.forbiddenPackages ?? []).includes(name)) {
        context.report({ node, messageId: 'package', data: { from: from.folder, name } });
      }
    };

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      CallExpression: (node) => {
        const [argument] = node.arguments;
        if (
          node.callee.type === 'Identifier' &&
          node.callee.name === 'require' &&
          argument?.type === 'Literal'
        ) {
          check(node, argument.value);
        }
      },
    };
  },
};

export default { rules: { 'layer-boundaries': layerBoundaries } };

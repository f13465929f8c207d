import type { ESLint, Rule } from 'eslint';

declare const plugin: ESLint.Plugin & {
  rules: { architecture: Rule.RuleModule };
  LIBRARY_LAYERS: string[][];
  LIBRARY_OUTSIDE_IMPORTS: Record<string, string[]>;
};
export = plugin;

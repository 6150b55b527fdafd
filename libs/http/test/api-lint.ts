import { existsSync } from 'node:fs';
import * as fs from 'node:fs';
import path from 'node:path';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { Document, Spectral } from '@stoplight/spectral-core';
import type { IRuleResult, RulesetDefinition } from '@stoplight/spectral-core';
import { Json } from '@stoplight/spectral-parsers';

// The bundler's type declarations pull in the DOM library (`/// <reference lib="dom" />`), which
// retypes Node's fetch and Headers for every file compiled with this one: it is loaded untyped.
const { bundleAndLoadRuleset } = require('@stoplight/spectral-ruleset-bundler/with-loader') as {
  bundleAndLoadRuleset(file: string, io: { fs: typeof fs; fetch: typeof fetch }): Promise<unknown>;
};

/** Where the Italian API guidelines ruleset lives: beside the repository, in ../shared, never copied in. */
const ITALIAN_GUIDELINES = path.resolve(__dirname, '../../../../shared/api-guidelines/italian-guidelines.spectral.yml');

interface LintFinding {
  rule: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  where: string;
  message: string;
}

interface LintCounts {
  errors: LintFinding[];
  warnings: number;
}

const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;

/** The Spectral linter with the Italian guidelines ruleset, or undefined when ../shared is not there. */
export async function italianGuidelinesLinter(): Promise<Spectral | undefined> {
  if (!existsSync(ITALIAN_GUIDELINES)) return undefined;
  const spectral = new Spectral();
  const ruleset = await bundleAndLoadRuleset(ITALIAN_GUIDELINES, { fs, fetch });
  spectral.setRuleset(ruleset as unknown as RulesetDefinition);
  return spectral;
}

/** Spectral's findings on a document, as the CLI reports them (one per rule and place). */
async function spectralCounts(spectral: Spectral, document: object): Promise<LintCounts> {
  const results: IRuleResult[] = await spectral.run(new Document(JSON.stringify(document, null, 1), Json));
  const findings = results.map((r) => ({
    rule: String(r.code),
    severity: SEVERITIES[r.severity] ?? 'hint',
    where: r.path.join('.'),
    message: r.message,
  }));
  return { errors: findings.filter((f) => f.severity === 'error'), warnings: count(findings, 'warning') };
}

/** `@redocly/cli lint --extends=recommended` on a document, through the library the CLI is built on. */
async function redoclyCounts(document: object): Promise<LintCounts> {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: 'openapi.json', config });
  const findings = problems.map((p) => ({
    rule: p.ruleId,
    severity: p.severity === 'error' ? ('error' as const) : ('warning' as const),
    where: p.location[0]?.pointer ?? '',
    message: p.message,
  }));
  return { errors: findings.filter((f) => f.severity === 'error'), warnings: count(findings, 'warning') };
}

const count = (findings: LintFinding[], severity: LintFinding['severity']): number =>
  findings.filter((f) => f.severity === severity).length;

/**
 * Asserts 0 errors from the Italian guidelines (when ../shared is there; otherwise it says so) and
 * from Redocly's recommended rules, and prints the warnings of each.
 */
export async function expectConformingApi(
  name: string,
  document: object,
  spectral: Spectral | undefined,
): Promise<void> {
  const redocly = await redoclyCounts(document);
  const italian = spectral ? await spectralCounts(spectral, document) : undefined;
  process.stdout.write(
    `${name}: ${italian ? `Italian guidelines ${italian.errors.length} errors, ${italian.warnings} warnings` : `Italian guidelines not checked (${ITALIAN_GUIDELINES} is absent)`}; ` +
      `Redocly recommended ${redocly.errors.length} errors, ${redocly.warnings} warnings\n`,
  );
  expect(redocly.errors).toEqual([]);
  if (italian) expect(italian.errors).toEqual([]);
  expect(documentedInOneLanguage(document)).toEqual([]);
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/**
 * The operations not documented as the platform documents them (`@Operation`): an Italian summary
 * and an English description, two texts, not one sentence in one language.
 */
function documentedInOneLanguage(document: object): string[] {
  type Documented = { summary?: string; description?: string };
  const { paths = {} } = document as { paths?: Record<string, Record<string, Documented>> };
  return Object.entries(paths).flatMap(([route, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.has(method))
      .filter(([, { summary, description }]) => !summary || !description || summary === description)
      .map(([method]) => `${method.toUpperCase()} ${route}`),
  );
}

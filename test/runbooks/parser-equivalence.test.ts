// The runbook parser reads Markdown with markdown-it (src/runbooks/markdown-tree.ts); it read it
// with micromark + mdast-util-from-markdown before, the CommonMark reference. Every runbook we
// have, and generated runbook-shaped Markdown, must parse to the same Runbook either way: same
// sections, steps, commands, instructions, severities, tables and line numbers. Where the two
// readers disagree on purpose, the case is written down below with the reason.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parseRunbook } from '../../src/runbooks/parse.js';
import { micromarkTree } from '../helpers/micromark-tree.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : markdownFiles(path);
    return /\.(md|markdown)$/i.test(name) ? [path] : [];
  });
}

/**
 * Both readers' Runbook for `source`. One difference is decided for markdown-it: a table row with
 * fewer cells than the header gets empty cells and one with more loses the excess, as the GFM spec
 * says (example 204); micromark's tree keeps the row as written. The reference's rows are brought
 * to that rule here; nothing else is adjusted.
 */
function both(source: string, file = 'equivalence.md') {
  const reference = parseRunbook(source, file, micromarkTree);
  for (const table of reference.tables) table.rows = table.rows.map((row) => table.headers.map((_, c) => row[c] ?? ''));
  return { fast: parseRunbook(source, file), reference };
}

function assertSame(source: string, file: string): void {
  const { fast, reference } = both(source, file);
  assert.deepEqual(fast, reference, `${file} parses differently with markdown-it than with micromark`);
}

test('every Markdown file of the project parses the same with markdown-it as with micromark', () => {
  const files = [...markdownFiles(join(root, 'test')), ...markdownFiles(join(root, 'runbooks'))];
  assert.ok(files.length >= 25, `found only ${files.length} Markdown files`);
  for (const file of files) assertSame(readFileSync(file, 'utf8'), relative(root, file));
});

// Real incident runbooks kept beside the project (never copied into it): read when present.
const seeds = join(root, '../shared/seed-runbooks');
test('the real runbooks kept beside the project parse the same either way', { skip: !existsSync(seeds) && 'no seed runbooks beside the project' }, () => {
  const files = markdownFiles(seeds);
  assert.ok(files.length > 0);
  for (const file of files) assertSame(readFileSync(file, 'utf8'), relative(seeds, file));
});

const word = fc.constantFrom('api', 'db-1', 'Restart', 'the', 'cache', 'P1', 'check', 'logs', 'nginx', 'disk', 'Verify', '5 min', 'pool', 'fix');
const words = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
const inline = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: words },
      words.map((w) => `**${w}**`),
      words.map((w) => `*${w}*`),
      words.map((w) => `~~${w}~~`),
      words.map((w) => `\`${w}\``),
      words.map((w) => `[${w}](#${w.replace(/ /g, '-').toLowerCase()})`),
      words.map((w) => `[${w}](https://grafana.example.test/d/${w.length})`),
      words.map((w) => `![${w}](img.png)`),
      fc.constantFrom('<kbd>Esc</kbd>', '&amp;', '\\*', ':', ' — ', '(', ')', 'https://example.test/x', 'www.example.test'),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((parts) => parts.join(' '));

const command = fc.constantFrom(
  'systemctl restart api', 'tail -f /var/log/app.log', 'ssh db-1 "df -h"', 'kubectl -n prod get pods -w', 'ping -c 3 db-1',
  '# Option A: restart', '# Option B: scale up', '# 1. Disable rate limiting', '#   key: value', 'curl -sf http://127.0.0.1:8080/health',
  'for h in a b; do', '  echo $h', 'done', 'psql -c "select 1" <<EOF', 'select 1;', 'EOF', 'cd /srv/app', 'docker compose logs -f api',
);
const fence = fc.tuple(fc.constantFrom('```bash', '```sh', '```', '~~~shell', '```console', '```text', '```bash title="x"'), fc.array(command, { minLength: 1, maxLength: 5 })).map(
  ([open, lines]) => `${open}\n${lines.join('\n')}\n${open.startsWith('~') ? '~~~' : '```'}`,
);
const indent = (text: string, by: string) => text.split('\n').map((l) => (l === '' ? l : by + l)).join('\n');

const item = fc.tuple(fc.constantFrom('- ', '* ', '1. ', '2. ', '- [ ] ', '- [x] ', '* [X] ', '1. [ ] '), inline, fc.option(fence, { nil: undefined }), fc.option(fc.tuple(fc.constantFrom('- ', '1. ', '- [ ] '), inline), { nil: undefined })).map(
  ([marker, text, code, nested]) => {
    const pad = ' '.repeat(marker.replace(/\[.\] $/, '').length);
    let out = `${marker}${text}`;
    if (nested) out += `\n${pad}${nested[0]}${nested[1]}`;
    if (code) out += `\n${indent(code, pad)}`;
    return out;
  },
);
const list = fc.tuple(fc.array(item, { minLength: 1, maxLength: 4 }), fc.constantFrom('\n', '\n\n')).map(([items, sep]) => items.join(sep));
const table = fc.tuple(fc.constantFrom('| Level | Response time | Examples |', '| After | Contact | Action |', '| a | b |'), fc.array(fc.array(inline.map((t) => t.replace(/\|/g, '/')), { minLength: 2, maxLength: 3 }), { maxLength: 4 })).map(
  ([head, rows]) => `${head}\n${head.replace(/[^|]+/g, '---')}\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}`,
);
const block = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 4 }), inline).map(([depth, text]) => `${'#'.repeat(depth)} ${text}`),
  fc.constantFrom('## Symptoms', '## Steps', '### Recovery', '## Severity levels', '## Root causes', '## Contents', '## Escalation'),
  inline,
  fc.tuple(fc.constantFrom('SEV-1 (Critical)', 'P2', 'Sev 3: Medium', 'Critical', 'Root causes:', 'Verify the outage'), fc.option(inline, { nil: undefined })).map(([b, rest]) => `**${b}**${rest ? ` ${rest}` : ''}`),
  list,
  fence,
  table,
  inline.map((t) => `> ${t}`),
  fc.constantFrom('---', '<!-- note -->', '<details>\n<summary>More</summary>\n\ntext\n\n</details>', 'Symptoms: slow pages, 502s', 'Either restart it:', 'If the pool is full:'),
);
const runbookShaped = fc.array(block, { minLength: 1, maxLength: 14 }).map((blocks) => `${blocks.join('\n\n')}\n`);

test('generated runbook-shaped Markdown parses the same with markdown-it as with micromark', () => {
  fc.assert(
    fc.property(runbookShaped, (source) => {
      const { fast, reference } = both(source);
      assert.deepEqual(fast, reference);
    }),
    { numRuns: 400 },
  );
});

test('decided for markdown-it: a list of reference-style links to the own headings is a table of contents', () => {
  // micromark's tree has `linkReference` nodes for `[Recovery][r]`, which the contents rule did not
  // count as links, so such a list became two steps named "Recovery" and "Steps". They point at the
  // document's own headings like `[Recovery](#recovery)` does: contents, as markdown-it's links read.
  const source = '# Runbook\n\n- [Recovery][r]\n- [Steps][s]\n\n## Recovery\n\n[r]: #recovery\n[s]: #steps\n';
  const { fast, reference } = both(source);
  assert.deepEqual(fast.sections[0]!.text, [{ text: 'Contents: Recovery · Steps', line: 3 }]);
  assert.deepEqual(fast.sections[0]!.steps, []);
  assert.deepEqual(reference.sections[0]!.steps.map((s) => s.text), ['Recovery', 'Steps']);
});

// The mdast tree markdown-tree.ts builds from markdown-it's tokens: the node kinds and fields the
// runbook builder reads, on the lines micromark (the CommonMark reference) puts them; GFM shapes
// markdown-it lacks or reads otherwise (task items, one-tilde strikethrough, footnotes); and
// nesting past the limit refused with its line rather than cut short without a word.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Nodes, Root } from 'mdast';
import { inlineText } from '../../src/runbooks/mdast-text.js';
import { MarkdownNestingError, markdownTree, NESTING_LIMIT } from '../../src/runbooks/markdown-tree.js';
import { parseRunbook } from '../../src/runbooks/parse.js';
import { micromarkTree } from '../helpers/micromark-tree.js';

/** The nodes whose lines the builder reads. */
const BLOCKS = new Set(['heading', 'paragraph', 'list', 'listItem', 'code', 'table', 'tableRow', 'blockquote', 'thematicBreak', 'footnoteDefinition']);

/** Every node as `type@line` with the fields the builder reads, depth first. */
function outline(tree: Root): string[] {
  const out: string[] = [];
  const walk = (node: Nodes, depth: number) => {
    const n = node as Nodes & { depth?: number; ordered?: boolean; checked?: boolean | null; lang?: string | null; meta?: string | null; value?: string; url?: string; alt?: string };
    const fields = [n.depth, n.ordered, n.checked, n.lang, n.meta, n.url, n.alt, n.type === 'text' || n.type === 'code' || n.type === 'inlineCode' ? JSON.stringify(n.value) : undefined].filter((f) => f !== undefined && f !== null);
    out.push(`${'  '.repeat(depth)}${n.type}${BLOCKS.has(n.type) ? `@${n.position?.start.line}` : ''}${fields.length > 0 ? ` ${fields.join(' ')}` : ''}`);
    if ('children' in n) for (const child of n.children as Nodes[]) walk(child, depth + 1);
  };
  walk(tree, 0);
  return out;
}

const SHAPES = `# Title *with* \`code\`

Setext heading
--------------

1. **Verify the outage**
   \`\`\`bash title="check"
   curl -sf http://127.0.0.1/health
   \`\`\`
2. Second step  
   with a hard break and ~~old~~ ~gone~ text

- [ ] unchecked task
- [x] checked task
- [X] **bold** task
- [ ]
- not a task [ ] here

> quoted **words**
> - and a list

| Level | Response time |
|:------|--------------:|
| P1 | [15 min](https://example.test/sla) |
| P2 | ![graph](g.png) |

    indented code
    block

<!-- a comment -->

***

Footnote here[^1].

[^1]: the note
`;

test('the tree has the kinds, fields and start lines micromark gives', () => {
  const ours = outline(markdownTree(SHAPES));
  assert.deepEqual(ours, outline(micromarkTree(SHAPES)).filter((line) => !line.trim().startsWith('footnoteReference')).map((line) => line.replace(/^(\s*)text "Footnote here" *$/, '$1text "Footnote here[^1]."')).filter((line, i, all) => !(line.trim() === 'text "."' && all[i - 1]?.includes('Footnote here'))));
  // The parts that would pass unnoticed if both sides were empty.
  assert.ok(ours.some((l) => l.trim() === 'listItem@13 false'), 'an unchecked task item');
  assert.ok(ours.some((l) => l.trim() === 'listItem@14 true'), 'a checked task item');
  assert.ok(ours.some((l) => l.trim().startsWith('code@7 bash title="check"')), 'the fence with its language, meta and line');
  assert.ok(ours.some((l) => l.trim() === 'delete'), 'strikethrough');
  assert.ok(ours.some((l) => l.trim().startsWith('footnoteDefinition@36')), 'a footnote definition');
});

test('one or two tildes strike, three do not, and a single closes only a single (GFM)', () => {
  const text = (source: string) => inlineText(markdownTree(source).children[0]!);
  const kinds = (source: string) => JSON.stringify(markdownTree(source).children[0]).match(/"type":"delete"/g)?.length ?? 0;
  assert.equal(kinds('~one~ and ~~two~~'), 2);
  assert.equal(text('~one~ and ~~two~~'), 'one and two');
  assert.equal(kinds('a ~~~three~~~'), 0);
  assert.equal(text('a ~~~three~~~'), 'a ~~~three~~~');
  assert.equal(kinds('~a~~ b'), 0);
  assert.equal(text('about ~5 min, not ~ 10'), 'about ~5 min, not ~ 10');
  for (const source of ['~one~ and ~~two~~', 'a ~~~three~~~', '~a~~ b', 'x ~~a ~b~ c~~ y']) assert.equal(text(source), inlineText(micromarkTree(source).children[0]!), source);
});

test('links keep the destination as written, even ones a browser would refuse', () => {
  const [paragraph] = markdownTree('[run](javascript:alert(1)) and [docs](<a b.html>)').children;
  const links = JSON.stringify(paragraph).match(/"url":"[^"]*"/g);
  assert.deepEqual(links, ['"url":"javascript:alert(1)"', '"url":"a b.html"']);
});

test('a byte order mark is not text: the heading after it is a heading', () => {
  assert.equal(markdownTree('\uFEFF# Title\n').children[0]!.type, 'heading');
});

test('nesting up to the limit is read whole; past it the runbook is refused with the line', () => {
  // Lists: every level is a list and an item.
  const levels = Math.floor(NESTING_LIMIT / 2) - 2;
  const deep = Array.from({ length: levels }, (_, d) => `${'  '.repeat(d)}- level ${d}`).join('\n');
  const tree = JSON.stringify(markdownTree(`# Deep\n\n${deep}\n\nafter\n`));
  assert.ok(tree.includes(`"level ${levels - 1}"`), 'the deepest item is there');
  assert.ok(tree.includes('"after"'), 'what follows is there');

  const tooDeep = Array.from({ length: NESTING_LIMIT }, (_, d) => `${'  '.repeat(d)}- level ${d}`).join('\n');
  assert.throws(() => markdownTree(`# Deep\n\nintro\n\n${tooDeep}\n`), (error: unknown) => {
    assert.ok(error instanceof MarkdownNestingError);
    assert.match(error.message, /^nesting too deep at line \d+/);
    // The list starts on line 5; the limit is crossed about half the limit's lines further.
    assert.ok(error.line > 5 && error.line <= 5 + NESTING_LIMIT / 2, `line ${error.line}`);
    return true;
  });
  // Quotes on one line: line 3.
  assert.throws(() => parseRunbook(`# Quotes\n\n${'> '.repeat(NESTING_LIMIT + 5)}deep\n`, 'q.md'), /nesting too deep at line 3/);
});

test("a heading's or cell's inline parts sit as written, whichever reader made the tree", () => {
  const source = '# Run `x`. then **y**, ok (https://example.test/a)\n\n| Level | Response time |\n|---|---|\n| P1 | on-call (`#dba`) |\n';
  for (const readTree of [markdownTree, micromarkTree]) {
    const runbook = parseRunbook(source, 'joins.md', readTree);
    assert.equal(runbook.title, 'Run `x`. then y, ok (https://example.test/a)');
    assert.deepEqual(runbook.tables[0]!.rows, [['P1', 'on-call (`#dba`)']]);
  }
});

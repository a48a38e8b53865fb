// warroom runs Ink with a patch (patches/ink+6.8.0.patch, applied by `npm install`): Ink's text
// caches kept every distinct string ever drawn, so a console tailing logs for hours grew without
// end (vadimdemedes/ink#986), and every line was tokenized again in every frame. These tests
// fail if the patch is not applied, and check that drawing is unchanged by it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import React from 'react';
import { Box, Text } from 'ink';
import { render } from 'ink-testing-library';

const inkBuild = new URL('.', import.meta.resolve('ink')).href;

/** Heap (MB) still held after feeding `count` distinct 1 KB strings to one of Ink's caches. */
function retainedMb(module: string, extraArgs: string, count: number): number {
  const script = `
    const { default: fn } = await import(${JSON.stringify(`${inkBuild}${module}.js`)});
    global.gc(); const before = process.memoryUsage().heapUsed;
    const pad = 'x'.repeat(1000);
    for (let i = 0; i < ${count}; i++) fn(i + ' ' + pad${extraArgs});
    global.gc(); console.log((process.memoryUsage().heapUsed - before) / 1048576);`;
  return Number(execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' }).trim());
}

test("Ink's measure cache stays bounded however many distinct lines are drawn", () => {
  // Unpatched, 60,000 lines of 1 KB stay in the cache: ~60 MB.
  const held = retainedMb('measure-text', '', 60_000);
  assert.ok(held < 15, `measureText kept ${held.toFixed(1)} MB after 60,000 distinct lines`);
});

test("Ink's wrap cache stays bounded however many distinct lines are wrapped", () => {
  const held = retainedMb('wrap-text', ", 40, 'truncate-end'", 60_000);
  assert.ok(held < 15, `wrapText kept ${held.toFixed(1)} MB after 60,000 distinct lines`);
});

test('clipped text draws the same: lines that fit are kept whole with their colours, longer ones cut', async () => {
  const frame = (lines: string[]) => {
    const ui = render(
      <Box width={12} overflow="hidden" flexDirection="column">
        {lines.map((line, i) => (
          <Text key={i} wrap="truncate-end">
            {line}
          </Text>
        ))}
      </Box>,
    );
    const out = ui.lastFrame() ?? '';
    ui.unmount();
    return out;
  };
  // Drawn twice: the second frame comes from the caches kept across frames.
  for (let round = 0; round < 2; round++) {
    // Styled by hand: colour detection is off under the test runner, escapes in text are not.
    const out = frame(['\x1b[31mexactly 12ch\x1b[39m', 'short', 'a line far longer than the box']);
    const plain = out.replace(/\x1b\[[0-9;]*m/g, '');
    assert.deepEqual(plain.split('\n'), ['exactly 12ch', 'short', 'a line far …']);
    assert.match(out, /\x1b\[31mexactly 12ch\x1b\[39m/, 'the fitting line keeps its colour');
  }
});

test("the tokenizer's plain-text shortcut gives the same tokens and cells as its full path", async () => {
  // patches/@alcalzone+ansi-tokenize: ASCII-and-SGR text skips Intl.Segmenter. Given an end
  // column, tokenize takes its full path, so the two can be compared on the same text.
  const { tokenize, styledCharsFromTokens } = await import('@alcalzone/ansi-tokenize');
  const samples = [
    '',
    'plain text, nothing styled',
    '\x1b[31mred\x1b[39m then \x1b[1;4;32mbold underlined green\x1b[0m end',
    '\x1b[38;5;208m256 colour\x1b[39m \x1b[48;2;10;20;30mtrue colour\x1b[49m',
    '\x1b[1m\x1b[2mtwo intensities\x1b[22m',
    '\x1b[mreset with no number',
  ];
  for (const text of samples) {
    const fast = tokenize(text);
    assert.deepEqual(fast, tokenize(text, Number.MAX_SAFE_INTEGER), JSON.stringify(text));
    assert.deepEqual(styledCharsFromTokens(fast), styledCharsFromTokens(tokenize(text, Number.MAX_SAFE_INTEGER)));
  }
  // Text the shortcut must leave to the full path: wide, combining and control characters.
  for (const text of ['漢字 wide', 'e\u0301 combining', 'tab\there', '\x1b]8;;http://x\x07link\x1b]8;;\x07']) {
    assert.deepEqual(tokenize(text), tokenize(text, Number.MAX_SAFE_INTEGER), JSON.stringify(text));
  }
});

// Retakes the README's picture of the console: `warroom demo` in a real terminal (tmux, 256
// colours) at COLUMNSxROWS, read back with its colours after SECONDS of the scripted incident, and
// written as plain text and as an SVG of the same cells.
//
//   node scripts/screenshot.mjs [COLUMNSxROWS] [SECONDS] [OUT-PREFIX]
//   (defaults: 160x45, 40 s, docs/screenshot → docs/screenshot.txt and docs/screenshot.svg)
//
// The SVG is drawn here from tmux's SGR output (colours, bold, dim, inverse): a few lines of
// mapping, where the npm converters are unmaintained or pull in an HTML renderer.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const [size = '160x45', seconds = '40', prefix = join(root, 'docs/screenshot')] = process.argv.slice(2);
const [columns, rows] = size.split('x').map(Number);
const socket = `warroom-shot-${process.pid}`;
const tmux = (...args) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });

const cwd = mkdtempSync(join(tmpdir(), 'warroom-shot-'));
let capture;
try {
  tmux('start-server', ';', 'set-option', '-g', 'default-terminal', 'xterm-256color', ';',
    'new-session', '-d', '-s', 'main', '-x', String(columns), '-y', String(rows), '-c', cwd,
    `${process.execPath} ${resolve(root, 'bin/warroom.js')} demo --as ana`);
  await new Promise((done) => setTimeout(done, Number(seconds) * 1000));
  capture = tmux('capture-pane', '-p', '-e', '-t', 'main');
} finally {
  try { tmux('kill-server'); } catch { /* already gone */ }
  rmSync(cwd, { recursive: true, force: true });
}

// xterm's 256-colour palette.
const BASE16 = ['#000000', '#cd0000', '#00cd00', '#cdcd00', '#0000ee', '#cd00cd', '#00cdcd', '#e5e5e5',
  '#7f7f7f', '#ff0000', '#00ff00', '#ffff00', '#5c5cff', '#ff00ff', '#00ffff', '#ffffff'];
function palette(n) {
  if (n < 16) return BASE16[n];
  if (n < 232) {
    const level = (v) => (v === 0 ? 0 : 55 + v * 40);
    const i = n - 16;
    return rgb(level(Math.floor(i / 36)), level(Math.floor(i / 6) % 6), level(i % 6));
  }
  const grey = 8 + (n - 232) * 10;
  return rgb(grey, grey, grey);
}
function rgb(r, g, b) {
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

const FG = '#d0d0d0';
const BG = '#1c1c1c';

/** The cells of one captured line: each character with the style in force. */
function cells(line) {
  const out = [];
  let style = { fg: null, bg: null, bold: false, dim: false, inverse: false, underline: false };
  const parts = line.split(/(\x1b\[[0-9;:]*m)/);
  for (const part of parts) {
    const sgr = /^\x1b\[([0-9;:]*)m$/.exec(part);
    if (!sgr) {
      for (const ch of part) out.push({ ch, ...style });
      continue;
    }
    const codes = sgr[1] === '' ? [0] : sgr[1].split(/[;:]/).map(Number);
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i];
      if (c === 0) style = { fg: null, bg: null, bold: false, dim: false, inverse: false, underline: false };
      else if (c === 1) style = { ...style, bold: true };
      else if (c === 2) style = { ...style, dim: true };
      else if (c === 4) style = { ...style, underline: true };
      else if (c === 7) style = { ...style, inverse: true };
      else if (c === 22) style = { ...style, bold: false, dim: false };
      else if (c === 24) style = { ...style, underline: false };
      else if (c === 27) style = { ...style, inverse: false };
      else if (c >= 30 && c <= 37) style = { ...style, fg: BASE16[c - 30] };
      else if (c >= 90 && c <= 97) style = { ...style, fg: BASE16[c - 90 + 8] };
      else if (c >= 40 && c <= 47) style = { ...style, bg: BASE16[c - 40] };
      else if (c >= 100 && c <= 107) style = { ...style, bg: BASE16[c - 100 + 8] };
      else if (c === 39) style = { ...style, fg: null };
      else if (c === 49) style = { ...style, bg: null };
      else if ((c === 38 || c === 48) && codes[i + 1] === 5) {
        style = { ...style, [c === 38 ? 'fg' : 'bg']: palette(codes[i + 2]) };
        i += 2;
      } else if ((c === 38 || c === 48) && codes[i + 1] === 2) {
        style = { ...style, [c === 38 ? 'fg' : 'bg']: rgb(codes[i + 2], codes[i + 3], codes[i + 4]) };
        i += 4;
      }
    }
  }
  return out;
}

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const CELL_W = 8.4;
const CELL_H = 17;
const lines = capture.replace(/\n$/, '').split('\n');
const svg = [
  `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(columns * CELL_W)}" height="${rows * CELL_H}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="14">`,
  `<rect width="100%" height="100%" fill="${BG}"/>`,
];
lines.forEach((line, y) => {
  const row = cells(line);
  // Runs of cells with one style become one rect and one text element.
  for (let x = 0; x < row.length;) {
    const start = x;
    const key = (c) => `${c.fg}|${c.bg}|${c.bold}|${c.dim}|${c.inverse}|${c.underline}`;
    while (x < row.length && key(row[x]) === key(row[start])) x++;
    const cell = row[start];
    const text = row.slice(start, x).map((c) => c.ch).join('');
    let fg = cell.fg ?? FG;
    let bg = cell.bg;
    if (cell.inverse) [fg, bg] = [bg ?? BG, fg];
    const left = (start * CELL_W).toFixed(1);
    if (bg) svg.push(`<rect x="${left}" y="${y * CELL_H}" width="${((x - start) * CELL_W).toFixed(1)}" height="${CELL_H}" fill="${bg}"/>`);
    if (text.trim() === '') continue;
    const attrs = [`x="${left}"`, `y="${y * CELL_H + 13}"`, `fill="${fg}"`, `textLength="${((x - start) * CELL_W).toFixed(1)}"`, 'lengthAdjust="spacingAndGlyphs"', 'xml:space="preserve"'];
    if (cell.bold) attrs.push('font-weight="bold"');
    if (cell.dim) attrs.push('opacity="0.6"');
    if (cell.underline) attrs.push('text-decoration="underline"');
    svg.push(`<text ${attrs.join(' ')}>${escape(text)}</text>`);
  }
});
svg.push('</svg>');

writeFileSync(`${prefix}.svg`, `${svg.join('\n')}\n`);
writeFileSync(`${prefix}.txt`, `${lines.map((line) => line.replace(/\x1b\[[0-9;:]*m/g, '').trimEnd()).join('\n')}\n`);
console.log(`${prefix}.txt and ${prefix}.svg: ${columns}x${rows}, ${seconds} s into the demo`);

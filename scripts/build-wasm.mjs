// `npm run build:wasm`: compiles src/text/ascii-block.wat (the log splitter's ASCII kernel) with
// wabt and writes the bytes, base64, into src/text/ascii-block.ts. The bytes are kept in the
// source so that neither the build nor an install needs a WebAssembly toolchain; a test checks
// they are what this script would write.
import { readFileSync, writeFileSync } from 'node:fs';
import wabtInit from 'wabt';

const wat = new URL('../src/text/ascii-block.wat', import.meta.url);
const ts = new URL('../src/text/ascii-block.ts', import.meta.url);
const wabt = await wabtInit();
const module = wabt.parseWat('ascii-block.wat', readFileSync(wat, 'utf8'), { simd: true, bulk_memory: true });
module.validate();
const base64 = Buffer.from(module.toBinary({}).buffer).toString('base64');
module.destroy();
const source = readFileSync(ts, 'utf8');
const next = source.replace(/(export const ASCII_BLOCK_WASM = ')[^']*(';)/, `$1${base64}$2`);
if (next === source) console.log('src/text/ascii-block.ts is up to date');
else {
  writeFileSync(ts, next);
  console.log('src/text/ascii-block.ts: kernel bytes rewritten');
}

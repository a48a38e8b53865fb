// A stable colour per source tag: the same service has the same colour in every session and on
// every operator's screen. Red and yellow are left out: they mean error and warning here.

const PALETTE = ['cyan', 'blue', 'magenta', 'green', 'cyanBright', 'blueBright', 'magentaBright', 'greenBright', 'white'];

/** The colour of a source tag (FNV-1a hash of the tag into the palette). */
export function sourceColour(tag: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < tag.length; i++) {
    hash ^= tag.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return PALETTE[hash % PALETTE.length];
}

// A colour per log source, by its place in the config: the same config gives the same colours in
// every session and on every operator's screen, and the first nine sources never share one (a
// hash of the tag collided for three sources one time in three). Red and yellow are left out:
// they mean error and warning here.

const PALETTE = ['cyan', 'magenta', 'blue', 'green', 'cyanBright', 'magentaBright', 'blueBright', 'greenBright', 'white'];

/** The colour of the source with this id (its index in the config). */
export function sourceColour(id: number): string {
  return PALETTE[id % PALETTE.length];
}

// A colour per log source, by its place in the config: the same config gives the same colours in
// every session and on every operator's screen, and the first nine sources never share one (a
// hash of the tag collided for three sources one time in three). The colours are the theme's
// (red and amber are left out there: they mean error and warning).
import type { Paint, Theme } from '../theme/theme.js';

/** How to paint the tag of the source with this id (its index in the config). */
export function sourcePaint(theme: Theme, id: number): Paint {
  return theme.sources[id % theme.sources.length] ?? {};
}

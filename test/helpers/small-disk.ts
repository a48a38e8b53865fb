// A small filesystem of its own for tests that need a full disk: a tmpfs mounted on a temp
// folder (needs root and a kernel that lets this process mount; otherwise the reason to skip).
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A mounted small disk. */
export interface SmallDisk {
  path: string;
  /** Writes a filler file until the disk is full; returns its path. */
  fill(): string;
  unmount(): void;
}

/** Mounts a tmpfs of `kilobytes`, or returns why it cannot. */
export function mountSmallDisk(kilobytes: number): SmallDisk | string {
  if (process.getuid?.() !== 0) return 'mounting a small tmpfs needs root';
  const path = mkdtempSync(join(tmpdir(), 'warroom-small-disk-'));
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k,mode=0700`, 'tmpfs', path], { encoding: 'utf8' });
  if (mount.status !== 0) {
    rmSync(path, { recursive: true, force: true });
    return `cannot mount a tmpfs here: ${(mount.stderr || mount.error?.message || 'mount failed').trim()}`;
  }
  return {
    path,
    fill() {
      const filler = join(path, 'filler');
      const fd = openSync(filler, 'w');
      const block = Buffer.alloc(4096, 0x20);
      try {
        // Bounded: a tmpfs of `kilobytes` holds at most that many 1 KB quarters of a block.
        for (let i = 0; i < kilobytes; i += 1) writeSync(fd, block);
        throw new Error(`the ${kilobytes} KB disk never filled`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        closeSync(fd);
      }
      return filler;
    },
    unmount() {
      spawnSync('umount', ['-l', path]);
      rmSync(path, { recursive: true, force: true });
    },
  };
}

// Errors from the operating system about paths the user chose (an output file, the incidents
// folder): told as one line naming the path and what is wrong, never as a stack trace.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EISDIR: 'that is a folder',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many levels of symbolic links',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

/** The errno code (ENOENT, EACCES…) of an error a system call raised, or undefined for any other error. */
export function systemErrorCode(error: unknown): string | undefined {
  const { code, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) && typeof syscall === 'string' ? code : undefined;
}

/** Why a system call on `path` failed, in words: "no such folder /x (ENOENT)". */
export function systemErrorReason(error: unknown, path?: string): string {
  const code = systemErrorCode(error);
  if (!code) return error instanceof Error ? error.message : String(error);
  // ENOENT on a file being written means its folder is missing: say which.
  if (code === 'ENOENT' && path !== undefined && !existsSync(dirname(path))) return `no such folder ${dirname(path)} (ENOENT)`;
  return `${REASONS[code] ?? (error as Error).message.split(',')[0]!.replace(/^E[A-Z0-9]+: /, '')} (${code})`;
}

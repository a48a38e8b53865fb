// How a configured check is named on the board. Targets are shortened for an 80-column screen
// and scrubbed: a password in a URL or a token in its query never reaches the screen.
import type { CheckConfig } from '../config/types.js';
import type { RowInfo } from './types.js';

/** The row a single-row check (http, tcp, command) shows as. */
export function rowInfoOf(config: CheckConfig, order: number): RowInfo {
  return {
    id: config.id,
    checkId: config.id,
    service: config.service,
    ...(config.instance !== undefined ? { instance: config.instance } : {}),
    check: config.kind === 'http' ? withoutCredentials(config.label).replace(/\?\S*/, '?…') : config.label,
    kind: config.kind,
    target: targetOf(config),
    order,
  };
}

/** Short, secret-free description of what a check probes. */
export function targetOf(config: CheckConfig): string {
  switch (config.kind) {
    case 'http':
      return shortUrl(config.url);
    case 'tcp':
      return `${config.host}:${config.port}`;
    case 'command':
      return config.host ? `${config.host}: ${config.command}` : config.command;
    case 'promql':
      return config.query;
    default:
      return config.target;
  }
}

/** Removes `user:password@` from anything URL-like in a label. */
export function withoutCredentials(text: string): string {
  return text.replace(/\/\/[^/@\s]*@/g, '//');
}

/** A URL without `http://`, credentials or query values: `127.0.0.1:8000/health`. */
export function shortUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return withoutCredentials(raw);
  }
  const query = url.search ? '?…' : '';
  const scheme = url.protocol === 'http:' ? '' : `${url.protocol}//`;
  const path = url.pathname === '/' ? '' : url.pathname;
  return `${scheme}${url.host}${path}${query}`;
}

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The executable name of the BtLang language server. */
export const serverExecutableName = 'btlang-lsp';

/** Where the server command came from. */
export type ServerSource = 'setting' | 'bundled' | 'path';

/** A server executable that was found. */
export interface ResolvedServer {
  readonly kind: 'found';
  readonly command: string;
  readonly source: ServerSource;
}

/** No usable server executable; `message` says what was tried. */
export interface MissingServer {
  readonly kind: 'missing';
  readonly message: string;
}

export type ServerResolution = ResolvedServer | MissingServer;

/** What the resolver needs from its environment (injectable for tests). */
export interface ResolveEnvironment {
  /** The value of the `btlang.server.path` setting ('' when unset). */
  readonly configuredPath: string;
  /** The extension's install folder (`context.extensionPath`). */
  readonly extensionPath: string;
  /** The PATH variable to search. */
  readonly searchPath: string | undefined;
  /** The user's home folder, for a leading `~`. */
  readonly homeDir?: string;
}

/** The path where a platform-specific package carries the server. */
export function bundledServerPath(extensionPath: string): string {
  return path.join(extensionPath, 'server', serverExecutableName);
}

/** True when `file` is a regular file. */
function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** True when `file` is a regular file that this process may execute. */
export function isExecutableFile(file: string): boolean {
  if (!isFile(file)) {
    return false;
  }
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Searches `searchPath` (a PATH value) for an executable called `name`. */
export function findOnPath(name: string, searchPath: string | undefined): string | undefined {
  if (!searchPath) {
    return undefined;
  }
  for (const dir of searchPath.split(path.delimiter)) {
    if (dir.length === 0) {
      continue;
    }
    const candidate = path.join(dir, name);
    if (isExecutableFile(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

/** Replaces a leading `~` with the home folder. */
export function expandHome(p: string, homeDir: string): string {
  if (p === '~') {
    return homeDir;
  }
  if (p.startsWith('~/')) {
    return path.join(homeDir, p.slice(2));
  }
  return p;
}

/**
 * Finds the server executable: the `btlang.server.path` setting when set (a path, or a bare name looked up on PATH),
 * else the server bundled at `${extensionPath}/server/btlang-lsp`, else `btlang-lsp` on PATH.
 */
export function resolveServer(env: ResolveEnvironment): ServerResolution {
  const configured = env.configuredPath.trim();
  if (configured.length > 0) {
    const expanded = expandHome(configured, env.homeDir ?? os.homedir());
    if (!expanded.includes('/')) {
      const onPath = findOnPath(expanded, env.searchPath);
      return onPath
        ? { kind: 'found', command: onPath, source: 'setting' }
        : { kind: 'missing', message: `btlang.server.path is "${configured}", but no executable of that name is on PATH.` };
    }
    const absolute = path.resolve(expanded);
    return isExecutableFile(absolute)
      ? { kind: 'found', command: absolute, source: 'setting' }
      : { kind: 'missing', message: `btlang.server.path is "${configured}", but ${absolute} is not an executable file.` };
  }

  const bundled = bundledServerPath(env.extensionPath);
  if (isFile(bundled)) {
    return { kind: 'found', command: bundled, source: 'bundled' };
  }

  const onPath = findOnPath(serverExecutableName, env.searchPath);
  if (onPath) {
    return { kind: 'found', command: onPath, source: 'path' };
  }
  return {
    kind: 'missing',
    message: `The BtLang language server was not found: no bundled server at ${bundled} and no ${serverExecutableName} on PATH. ` +
      'Install the platform-specific extension package, put btlang-lsp on PATH, or set btlang.server.path.',
  };
}

/**
 * Makes the bundled server executable when the package extraction dropped its mode bits.
 * Returns false when it could not.
 */
export function ensureExecutable(file: string): boolean {
  if (isExecutableFile(file)) {
    return true;
  }
  try {
    const mode = fs.statSync(file).mode;
    fs.chmodSync(file, mode | 0o755);
    return isExecutableFile(file);
  } catch {
    return false;
  }
}

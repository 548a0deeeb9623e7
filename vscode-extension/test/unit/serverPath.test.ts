import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { bundledServerPath, ensureExecutable, expandHome, findOnPath, resolveServer } from '../../src/serverPath';

let root = '';

function writeFile(file: string, mode: number): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '#!/bin/sh\nexit 0\n');
  fs.chmodSync(file, mode);
  return file;
}

describe('resolveServer', () => {
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'btlang-ext-'));
  });
  after(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('prefers the bundled server when the setting is empty', () => {
    const ext = path.join(root, 'ext-bundled');
    const bundled = writeFile(bundledServerPath(ext), 0o755);
    const bin = path.join(root, 'bin-a');
    writeFile(path.join(bin, 'btlang-lsp'), 0o755);
    const result = resolveServer({ configuredPath: '', extensionPath: ext, searchPath: bin });
    assert.deepEqual(result, { kind: 'found', command: bundled, source: 'bundled' });
    assert.equal(bundled, path.join(ext, 'server', 'btlang-lsp'));
  });

  it('falls back to btlang-lsp on PATH when nothing is bundled', () => {
    const ext = path.join(root, 'ext-empty');
    fs.mkdirSync(ext, { recursive: true });
    const notExec = path.join(root, 'bin-noexec');
    writeFile(path.join(notExec, 'btlang-lsp'), 0o644);
    const bin = path.join(root, 'bin-b');
    const onPath = writeFile(path.join(bin, 'btlang-lsp'), 0o755);
    const searchPath = ['', path.join(root, 'missing'), notExec, bin].join(path.delimiter);
    // Root may execute anything with an x bit only; a 0644 file is skipped even for root.
    const result = resolveServer({ configuredPath: '', extensionPath: ext, searchPath });
    assert.deepEqual(result, { kind: 'found', command: onPath, source: 'path' });
  });

  it('reports a missing server with what it tried', () => {
    const ext = path.join(root, 'ext-none');
    const result = resolveServer({ configuredPath: '', extensionPath: ext, searchPath: undefined });
    assert.equal(result.kind, 'missing');
    assert.match(result.kind === 'missing' ? result.message : '', /server[/\\]btlang-lsp.*PATH/);
  });

  it('uses the setting before the bundled server', () => {
    const ext = path.join(root, 'ext-setting');
    writeFile(bundledServerPath(ext), 0o755);
    const custom = writeFile(path.join(root, 'custom', 'my-lsp'), 0o755);
    const result = resolveServer({ configuredPath: `  ${custom} `, extensionPath: ext, searchPath: undefined });
    assert.deepEqual(result, { kind: 'found', command: custom, source: 'setting' });
  });

  it('looks a bare setting name up on PATH and expands ~', () => {
    const bin = path.join(root, 'bin-c');
    const named = writeFile(path.join(bin, 'other-lsp'), 0o755);
    assert.deepEqual(resolveServer({ configuredPath: 'other-lsp', extensionPath: root, searchPath: bin }),
      { kind: 'found', command: named, source: 'setting' });
    const home = path.join(root, 'home');
    const inHome = writeFile(path.join(home, 'tools', 'lsp'), 0o755);
    assert.deepEqual(resolveServer({ configuredPath: '~/tools/lsp', extensionPath: root, searchPath: undefined, homeDir: home }),
      { kind: 'found', command: inHome, source: 'setting' });
  });

  it('does not fall back when the setting names a missing file', () => {
    const ext = path.join(root, 'ext-bad-setting');
    writeFile(bundledServerPath(ext), 0o755);
    const result = resolveServer({ configuredPath: '/nonexistent/btlang-lsp', extensionPath: ext, searchPath: undefined });
    assert.equal(result.kind, 'missing');
    const bare = resolveServer({ configuredPath: 'no-such-lsp', extensionPath: ext, searchPath: path.join(root, 'bin-a') });
    assert.equal(bare.kind, 'missing');
  });
});

describe('helpers', () => {
  it('expandHome only touches a leading ~', () => {
    assert.equal(expandHome('~', '/h'), '/h');
    assert.equal(expandHome('~/x/y', '/h'), path.join('/h', 'x', 'y'));
    assert.equal(expandHome('/a/~/b', '/h'), '/a/~/b');
    assert.equal(expandHome('~user/x', '/h'), '~user/x');
  });

  it('findOnPath returns undefined for an empty PATH', () => {
    assert.equal(findOnPath('sh', ''), undefined);
    assert.equal(findOnPath('sh', undefined), undefined);
  });

  it('ensureExecutable restores lost mode bits', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'btlang-exec-'));
    try {
      const file = writeFile(path.join(dir, 'btlang-lsp'), 0o644);
      assert.equal(ensureExecutable(file), true);
      assert.notEqual(fs.statSync(file).mode & 0o111, 0);
      assert.equal(ensureExecutable(path.join(dir, 'missing')), false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

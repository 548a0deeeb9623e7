// Activates the extension against a recording stand-in for the vscode API, on a machine without any server:
// checks the output channel, the restart command, the settings hook and the error path (no exception, a helpful
// message with an Open Settings action). Starting a real client needs VS Code itself, which cannot run here.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Module = require('node:module');

type Listener = (event: { affectsConfiguration(section: string): boolean }) => unknown;

const recorded = {
  channels: [] as { name: string; options: unknown }[],
  logLines: [] as string[],
  commands: new Map<string, () => unknown>(),
  errors: [] as string[],
  executed: [] as unknown[][],
  configListeners: [] as Listener[],
};
const settings: Record<string, unknown> = {};

function anything(): unknown {
  return new Proxy(function () { /* stand-in */ }, {
    get: (target, key) => (key === 'prototype' ? target.prototype : anything()),
  });
}

const disposable = { dispose() { /* nothing */ } };
const channel = {
  info: (m: string) => recorded.logLines.push(`info ${m}`),
  warn: (m: string) => recorded.logLines.push(`warn ${m}`),
  error: (m: string) => recorded.logLines.push(`error ${m}`),
  dispose() { /* nothing */ },
};
const fakeVscode: Record<string, unknown> = {
  window: {
    createOutputChannel(name: string, options: unknown) {
      recorded.channels.push({ name, options });
      return channel;
    },
    showErrorMessage(message: string, ...items: string[]) {
      recorded.errors.push(message);
      return Promise.resolve(items[0]);
    },
  },
  commands: {
    registerCommand(id: string, callback: () => unknown) {
      recorded.commands.set(id, callback);
      return disposable;
    },
    executeCommand(...args: unknown[]) {
      recorded.executed.push(args);
      return Promise.resolve();
    },
  },
  workspace: {
    getConfiguration(section: string) {
      return { get: (key: string, fallback: unknown) => settings[`${section}.${key}`] ?? fallback };
    },
    onDidChangeConfiguration(listener: Listener) {
      recorded.configListeners.push(listener);
      return disposable;
    },
  },
};
const vscodeStub = new Proxy(fakeVscode, { get: (target, key: string) => (key in target ? target[key] : anything()) });

type ModuleWithLoad = typeof Module & { _load(request: string, ...rest: unknown[]): unknown };
const moduleInternals = Module as ModuleWithLoad;
const originalLoad = moduleInternals._load;
const originalPath = process.env.PATH;
let emptyDir = '';

// Waits for the fire-and-forget error dialog promise chains to settle.
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('activate without a server', () => {
  let extension: { activate(context: unknown): Promise<void>; deactivate(): Promise<void> };
  const subscriptions: unknown[] = [];

  before(() => {
    emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'btlang-activate-'));
    process.env.PATH = emptyDir;
    moduleInternals._load = function (request: string, ...rest: unknown[]) {
      return request === 'vscode' ? vscodeStub : originalLoad.call(this, request, ...rest);
    };
    extension = require('../../src/extension');
  });

  after(() => {
    moduleInternals._load = originalLoad;
    process.env.PATH = originalPath;
    fs.rmSync(emptyDir, { recursive: true, force: true });
  });

  it('creates a log output channel, registers its command and reports the missing server', async () => {
    await extension.activate({ extensionPath: emptyDir, subscriptions });
    await settle();
    assert.deepEqual(recorded.channels, [{ name: 'BtLang Language Server', options: { log: true } }]);
    assert.ok(recorded.commands.has('btlang.restartServer'));
    assert.equal(recorded.errors.length, 1);
    assert.match(recorded.errors[0], /not found/);
    assert.ok(recorded.errors[0].includes(path.join(emptyDir, 'server', 'btlang-lsp')));
    assert.deepEqual(recorded.executed, [['workbench.action.openSettings', 'btlang.server.path']]);
    assert.ok(recorded.logLines.some((l) => l.startsWith('error ')));
    assert.ok(subscriptions.length >= 3);
  });

  it('tries again on the restart command', async () => {
    await recorded.commands.get('btlang.restartServer')!();
    await settle();
    assert.equal(recorded.errors.length, 2);
  });

  it('restarts when btlang.server.path changes, and only then', async () => {
    settings['btlang.server.path'] = '/nonexistent/btlang-lsp';
    const [listener] = recorded.configListeners;
    await listener({ affectsConfiguration: (s) => s === 'btlang.trace.server' });
    await settle();
    assert.equal(recorded.errors.length, 2);
    await listener({ affectsConfiguration: (s) => s === 'btlang.server.path' });
    await settle();
    assert.equal(recorded.errors.length, 3);
    assert.match(recorded.errors[2], /btlang\.server\.path is "\/nonexistent\/btlang-lsp"/);
    await extension.deactivate();
  });
});

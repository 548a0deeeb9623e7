import * as vscode from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { ensureExecutable, resolveServer } from './serverPath';

const clientId = 'btlang';
const clientName = 'BtLang Language Server';
const languageId = 'bpftrace';

let client: LanguageClient | undefined;
let outputChannel: vscode.LogOutputChannel | undefined;

/** Starts the language client when a bpftrace document is opened. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const channel = vscode.window.createOutputChannel(clientName, { log: true });
  outputChannel = channel;
  context.subscriptions.push(channel);

  context.subscriptions.push(
    vscode.commands.registerCommand('btlang.restartServer', async () => {
      channel.info('Restarting the language server (command).');
      await restartClient(context, channel);
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('btlang.server.path')) {
        channel.info('btlang.server.path changed: restarting the language server.');
        await restartClient(context, channel);
      }
    }),
  );

  await startClient(context, channel);
}

/** Stops the language client. */
export async function deactivate(): Promise<void> {
  await stopClient();
}

async function startClient(context: vscode.ExtensionContext, channel: vscode.LogOutputChannel): Promise<void> {
  const configuredPath = vscode.workspace.getConfiguration('btlang').get<string>('server.path', '');
  const resolution = resolveServer({
    configuredPath,
    extensionPath: context.extensionPath,
    searchPath: process.env.PATH,
  });

  if (resolution.kind === 'missing') {
    channel.error(resolution.message);
    void showServerError(resolution.message);
    return;
  }
  if (resolution.source === 'bundled' && !ensureExecutable(resolution.command)) {
    const message = `The bundled language server at ${resolution.command} is not executable and could not be made so.`;
    channel.error(message);
    void showServerError(message);
    return;
  }
  channel.info(`Starting ${resolution.command} (${resolution.source}).`);

  const serverOptions: ServerOptions = {
    command: resolution.command,
    args: [],
    transport: TransportKind.stdio,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: languageId },
      { scheme: 'untitled', language: languageId },
    ],
    outputChannel: channel,
    traceOutputChannel: channel,
  };

  // The client id 'btlang' makes vscode-languageclient read the trace level from 'btlang.trace.server'.
  const newClient = new LanguageClient(clientId, clientName, serverOptions, clientOptions);
  client = newClient;
  try {
    await newClient.start();
  } catch (error) {
    const message = `The BtLang language server failed to start: ${describe(error)}`;
    channel.error(message);
    void showServerError(message);
  }
}

async function stopClient(): Promise<void> {
  const current = client;
  client = undefined;
  if (current === undefined) {
    return;
  }
  try {
    await current.stop();
  } catch (error) {
    outputChannel?.warn(`Stopping the language server failed: ${describe(error)}`);
  }
}

async function restartClient(context: vscode.ExtensionContext, channel: vscode.LogOutputChannel): Promise<void> {
  await stopClient();
  await startClient(context, channel);
}

async function showServerError(message: string): Promise<void> {
  const openSettings = 'Open Settings';
  const choice = await vscode.window.showErrorMessage(message, openSettings);
  if (choice === openSettings) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'btlang.server.path');
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

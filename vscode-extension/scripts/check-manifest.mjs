// Static checks of the extension manifest, the language configuration and the TextMate grammar:
// every referenced file exists, every regex compiles (the grammar keeps to the subset of regex syntax that Oniguruma
// and JavaScript share, so a JavaScript compile error is a real error; vscode-oniguruma does not report them), every
// grammar include resolves, and the contributed command and settings match what src/extension.ts uses.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const errors = [];
const fail = (message) => errors.push(message);
const readJson = (rel) => JSON.parse(readFileSync(join(root, rel), 'utf8'));

const pkg = readJson('package.json');
const contributes = pkg.contributes ?? {};

if (pkg.name !== 'btlang') fail(`package name is ${pkg.name}, expected btlang`);
if (pkg.main !== './dist/extension.js') fail(`main is ${pkg.main}, expected ./dist/extension.js`);
if (!pkg.activationEvents?.includes('onLanguage:bpftrace')) fail('activationEvents lacks onLanguage:bpftrace');
if (pkg.engines?.vscode !== '^1.91.0') fail(`engines.vscode is ${pkg.engines?.vscode}, expected ^1.91.0`);

const language = (contributes.languages ?? []).find((l) => l.id === 'bpftrace');
if (!language) {
  fail('no contributed language with id bpftrace');
} else {
  for (const ext of ['.bt', '.btlang']) {
    if (!language.extensions?.includes(ext)) fail(`language bpftrace does not claim ${ext}`);
  }
  if (!existsSync(join(root, language.configuration))) fail(`language configuration ${language.configuration} is missing`);
}

const grammarEntry = (contributes.grammars ?? []).find((g) => g.language === 'bpftrace');
if (!grammarEntry) fail('no contributed grammar for bpftrace');

// Language configuration: valid JSON, VS Code (JavaScript) regexes compile, brackets and comments present.
const config = readJson('language-configuration.json');
if (config.comments?.lineComment !== '//') fail('language configuration: lineComment is not //');
if (JSON.stringify(config.comments?.blockComment) !== JSON.stringify(['/*', '*/'])) fail('language configuration: blockComment is not /* */');
for (const pair of ['{}', '[]', '()', '""']) {
  if (!config.autoClosingPairs?.some((p) => p.open === pair[0] && p.close === pair[1])) fail(`language configuration: no auto-closing pair ${pair}`);
}
const jsRegexes = [
  config.wordPattern,
  config.folding?.markers?.start,
  config.folding?.markers?.end,
  config.indentationRules?.increaseIndentPattern,
  config.indentationRules?.decreaseIndentPattern,
  ...(config.onEnterRules ?? []).flatMap((r) => [r.beforeText, r.afterText]),
].filter((r) => r !== undefined);
for (const source of jsRegexes) {
  try { new RegExp(source); } catch (e) { fail(`language configuration regex ${source}: ${e.message}`); }
}
const increase = new RegExp(config.indentationRules.increaseIndentPattern);
const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
if (!increase.test('kprobe:f {') || increase.test('  @x = 1;') || !decrease.test('  }')) fail('language configuration: indentation rules do not fit bpftrace');

// Commands and settings that the code relies on.
const extensionSource = readFileSync(join(root, 'src', 'extension.ts'), 'utf8');
for (const command of contributes.commands ?? []) {
  if (!extensionSource.includes(`'${command.command}'`)) fail(`command ${command.command} is contributed but not registered in src/extension.ts`);
}
if (!(contributes.commands ?? []).some((c) => c.command === 'btlang.restartServer')) fail('command btlang.restartServer is not contributed');
const props = contributes.configuration?.properties ?? {};
if (props['btlang.server.path']?.type !== 'string') fail('setting btlang.server.path is missing');
const trace = props['btlang.trace.server'];
if (!trace || JSON.stringify(trace.enum) !== JSON.stringify(['off', 'messages', 'verbose']) || trace.default !== 'off') fail('setting btlang.trace.server must be off|messages|verbose, default off');
if (!extensionSource.includes("const clientId = 'btlang'")) fail('the client id must be btlang so that btlang.trace.server applies');

// Grammar: scope name, includes, Oniguruma regexes.
if (grammarEntry) {
  const grammar = readJson(grammarEntry.path);
  if (grammar.scopeName !== grammarEntry.scopeName) fail(`grammar scopeName ${grammar.scopeName} != ${grammarEntry.scopeName}`);
  const repository = grammar.repository ?? {};
  const used = new Set();
  let regexCount = 0;
  const visit = (rule, where) => {
    if (Array.isArray(rule)) { rule.forEach((r, i) => visit(r, `${where}[${i}]`)); return; }
    if (rule === null || typeof rule !== 'object') return;
    for (const key of ['match', 'begin', 'end', 'while']) {
      if (typeof rule[key] !== 'string') continue;
      regexCount++;
      try {
        new RegExp(rule[key]);
      } catch (e) {
        fail(`grammar ${where}.${key}: ${e.message}`);
      }
    }
    if (typeof rule.include === 'string' && rule.include.startsWith('#')) {
      const name = rule.include.slice(1);
      used.add(name);
      if (!(name in repository)) fail(`grammar ${where}: include ${rule.include} has no repository entry`);
    }
    for (const [key, value] of Object.entries(rule)) {
      if (typeof value === 'object') visit(value, `${where}.${key}`);
    }
  };
  visit(grammar.patterns, 'patterns');
  visit(repository, 'repository');
  for (const name of Object.keys(repository)) {
    if (!used.has(name)) fail(`grammar repository entry ${name} is never included`);
  }
  if (regexCount < 50) fail(`grammar has only ${regexCount} regexes; is it the real grammar?`);
}

if (errors.length > 0) {
  for (const e of errors) console.error(`check-manifest: ${e}`);
  process.exit(1);
}
console.log('check-manifest: manifest, language configuration and grammar are consistent');

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { crossingKind, refusalKind } from './kept-version-kind.js';

const sourceOf = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

/**
 * Every sentence an argument can give: string literals as written, `a + b` each way, both arms of
 * `c ? a : b`, a variable by its `var` in the same text, anything else (a field name, a limit) as "1".
 */
function sentences(node: ts.Expression, vars: Map<string, ts.Expression>): string[] {
  if (ts.isStringLiteralLike(node)) return [node.text];
  if (ts.isParenthesizedExpression(node)) return sentences(node.expression, vars);
  if (ts.isConditionalExpression(node)) return [...sentences(node.whenTrue, vars), ...sentences(node.whenFalse, vars)];
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return sentences(node.left, vars).flatMap((left) => sentences(node.right, vars).map((right) => left + right));
  }
  if (ts.isIdentifier(node) && vars.has(node.text)) return sentences(vars.get(node.text)!, vars);
  return ['1'];
}

/** The reasons the space's validate_doc_update gives (its ES5 source is a String.raw text in the file). */
function validateDocUpdateReasons(): string[] {
  const file = ts.createSourceFile('v.ts', sourceOf('../sdk/adapters/couchdb/design/validate-doc-update.ts'), ts.ScriptTarget.Latest, true);
  const rules: string[] = [];
  const findRules = (node: ts.Node) => {
    if (ts.isTaggedTemplateExpression(node) && node.tag.getText(file) === 'String.raw' && ts.isNoSubstitutionTemplateLiteral(node.template)) {
      rules.push(node.template.rawText ?? node.template.text);
    }
    ts.forEachChild(node, findRules);
  };
  findRules(file);
  const vars = new Map<string, ts.Expression>();
  const calls: ts.Expression[] = [];
  for (const text of rules) {
    const source = ts.createSourceFile('rules.js', `function rules() {${text}}`, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
    const visit = (node: ts.Node) => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) vars.set(node.name.text, node.initializer);
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'refuse') calls.push(node.arguments[0]);
      // `throw { unauthorized: '…' }`: CouchDB's other refusal.
      if (ts.isThrowStatement(node) && node.expression && ts.isObjectLiteralExpression(node.expression)) {
        for (const property of node.expression.properties) if (ts.isPropertyAssignment(property) && property.name.getText(source) !== 'forbidden') calls.push(property.initializer);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return calls.flatMap((argument) => sentences(argument, vars)).filter((reason) => reason !== '1');
}

/** The engine's own sentences for a change that crossed another (string literals starting "Someone else"). */
const engineSentences = () => [...sourceOf('../sdk/adapters/synced/push-outbox.ts').matchAll(/'(Someone else [^']*)'/g)].map(([, sentence]) => sentence);

describe('why sync kept a version, from the server’s and the engine’s own wording', () => {
  const reasons = validateDocUpdateReasons();

  it('finds the reasons of validate_doc_update', () => {
    assert.ok(reasons.length >= 45, `only ${reasons.length} reasons found`);
    assert.ok(reasons.some((reason) => reason.startsWith('A teacher or moderator hid this record')), 'the LOCKED reason, through its variable');
    assert.ok(reasons.includes('Please sign in to change anything in this space.'));
  });

  it('reads every one of them', () => {
    assert.deepEqual(reasons.filter((reason) => !refusalKind(reason)), [], 'a reason no reading knows: add it to kept-version-kind.ts');
  });

  it('reads the kinds a person meets most as themselves', () => {
    const kindOf = (start: string) => refusalKind(reasons.find((reason) => reason.startsWith(start))!)?.kind;
    assert.equal(kindOf('You are not a member'), 'not-member');
    assert.equal(kindOf('Observers'), 'observer');
    assert.equal(kindOf('In this space your new records wait'), 'needs-approval');
    assert.equal(kindOf("Only teachers and moderators can move someone else's record here"), 'own-name');
    assert.equal(kindOf('Only teachers and moderators can hide'), 'moderators-only');
    assert.equal(kindOf('You can change only your own records. On other'), 'others-records');
    assert.equal(kindOf('This record is for '), 'wrong-place');
    assert.equal(kindOf('A record must name its author'), 'malformed');
  });

  it('reads the limit of a file too large', () => {
    assert.deepEqual(refusalKind('This file is too large: at most 5 MB.'), { kind: 'file-too-large', numbers: [5] });
  });

  it('leaves another server’s own sentence to be shown as it came', () => {
    assert.equal(refusalKind('Document must have a title'), undefined);
    assert.equal(refusalKind('forbidden'), undefined);
  });

  it('reads each sentence of the engine', () => {
    const found = engineSentences();
    assert.equal(found.length, 3, `the engine's sentences: ${JSON.stringify(found)}`);
    assert.deepEqual(found.map(crossingKind).sort(), ['deleted-here', 'deleted-there', 'same-part']);
    assert.equal(crossingKind('Two servers took different versions of this at the same time.'), undefined);
  });
});

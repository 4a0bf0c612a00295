/// <reference types="node" />
/**
 * The English messages of the source, for the translation checks (Node only): every
 * `msg(<english>, { id: '<id>' })` in src/, with its placeholders numbered as lit numbers them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export interface SourceMessage {
  /** The English as written: `'text'`, str`... ${0} ...` or html`...`. */
  text: string;
  kind: 'string' | 'str' | 'html';
  /** How many placeholders it has (`${0}` to `${n-1}`). */
  placeholders: number;
  /** The English without code: quotes and tags removed, placeholders as `${i}`. */
  plain: string;
}

export function sourceMessages(dir: string, out = new Map<string, SourceMessage>()): Map<string, SourceMessage> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'locales' && name !== 'node_modules') sourceMessages(path, out);
    } else if (name.endsWith('.ts') && !name.includes('.test.') && !name.endsWith('.d.ts')) {
      collect(ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true), out);
    }
  }
  return out;
}

function collect(source: ts.SourceFile, out: Map<string, SourceMessage>) {
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'msg' && node.arguments.length >= 2) {
      const options = node.arguments[1];
      const id = ts.isObjectLiteralExpression(options)
        ? options.properties.find((property): property is ts.PropertyAssignment => ts.isPropertyAssignment(property) && property.name.getText(source) === 'id')
        : undefined;
      if (id && ts.isStringLiteral(id.initializer)) out.set(id.initializer.text, describe(node.arguments[0], source));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

function describe(english: ts.Expression, source: ts.SourceFile): SourceMessage {
  if (!ts.isTaggedTemplateExpression(english)) {
    const plain = ts.isStringLiteralLike(english) ? english.text : english.getText(source);
    return { text: english.getText(source), kind: 'string', placeholders: 0, plain };
  }
  const kind = english.tag.getText(source) === 'html' ? 'html' : 'str';
  const template = english.template;
  // The literal parts, each placeholder as lit numbers it: ${0}, ${1}…
  const plain = ts.isNoSubstitutionTemplateLiteral(template)
    ? template.text
    : template.head.text + template.templateSpans.map((span, i) => `\${${i}}${span.literal.text}`).join('');
  const placeholders = ts.isNoSubstitutionTemplateLiteral(template) ? 0 : template.templateSpans.length;
  return { text: `${kind}\`${plain}\``, kind, placeholders, plain };
}

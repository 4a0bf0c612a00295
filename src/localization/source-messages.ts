/// <reference types="node" />
/**
 * The English messages of the source, for the translation checks (Node only): every
 * `msg(<english>, { id: '<id>' })` in src/, with its placeholders numbered as lit numbers them,
 * and every form of `plural(count, '<base>', { one: str`…`, other: str`…` })` as `<base>#<form>`.
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
  /** For a form of a count message (`<base>#one`), its base id. */
  pluralOf?: string;
}

/** The base ids of the count messages, each with the forms the English gives. */
export function pluralBases(messages: Map<string, SourceMessage>): Map<string, string[]> {
  const bases = new Map<string, string[]>();
  for (const [id, message] of messages) if (message.pluralOf) bases.set(message.pluralOf, [...(bases.get(message.pluralOf) ?? []), id.slice(message.pluralOf.length + 1)]);
  return bases;
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
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'plural' && node.arguments.length >= 3) {
      const [, base, forms] = node.arguments;
      // A count message nobody could translate must not slip through: its base and forms are read as written.
      if (!ts.isStringLiteral(base) || !ts.isObjectLiteralExpression(forms)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        throw new Error(`${source.fileName}:${line + 1}: write plural(count, '<base id>', { one: str\`…\`, other: str\`…\` })`);
      }
      for (const form of forms.properties) {
        if (ts.isPropertyAssignment(form)) out.set(`${base.text}#${form.name.getText(source)}`, { ...describe(form.initializer, source, true), pluralOf: base.text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

/** `indexed`: the English of a count message, whose placeholders are written as indices (`${0}`), as in a translation. */
function describe(english: ts.Expression, source: ts.SourceFile, indexed = false): SourceMessage {
  if (!ts.isTaggedTemplateExpression(english)) {
    const plain = ts.isStringLiteralLike(english) ? english.text : english.getText(source);
    return { text: english.getText(source), kind: 'string', placeholders: 0, plain };
  }
  const kind = english.tag.getText(source) === 'html' ? 'html' : 'str';
  const template = english.template;
  const spans = ts.isNoSubstitutionTemplateLiteral(template) ? [] : template.templateSpans;
  // The literal parts, each placeholder as lit numbers it (${0}, ${1}…), or as written when indexed.
  const plain = ts.isNoSubstitutionTemplateLiteral(template)
    ? template.text
    : template.head.text + spans.map((span, i) => `\${${indexed ? span.expression.getText(source) : i}}${span.literal.text}`).join('');
  const placeholders = indexed ? new Set(spans.map((span) => span.expression.getText(source))).size : spans.length;
  return { text: `${kind}\`${plain}\``, kind, placeholders, plain };
}

// Config of `cem analyze --litelement` (run by scripts/build.mjs): writes dist/custom-elements.json.
import { existsSync, readdirSync } from 'node:fs';
import { posix } from 'node:path';

/** The registration files, src/components/<name>/<name>.ts: they hold the tag names. */
const registrationFiles = readdirSync('src/components', { withFileTypes: true })
  .filter((dir) => dir.isDirectory() && existsSync(`src/components/${dir.name}/${dir.name}.ts`))
  .map((dir) => `src/components/${dir.name}/${dir.name}.ts`);

/** `./foo.js` imported from `src/a/b.ts` -> `src/a/foo.ts`, the module path used in the manifest. */
function modulePath(fromModule, specifier) {
  const path = specifier.startsWith('/') ? specifier.slice(1) : posix.join(posix.dirname(fromModule), specifier);
  const ts = path.replace(/\.js$/, '.ts');
  return existsSync(ts) ? ts : path;
}

/** Where a name used in a module comes from: `{ module }` or `{ package }`. */
function origin(moduleDoc, context, name) {
  const found = context.imports?.find((entry) => entry.name === name);
  if (!found) return { module: moduleDoc.path };
  return found.isBareModuleSpecifier ? { package: found.importPath } : { module: modulePath(moduleDoc.path, found.importPath) };
}

/**
 * What the analyzer does not know about Twinkit:
 * - tags are registered with `TwinSpace.define('twin-space')` (TwinElement.define, which skips a tag
 *   already defined), not `customElements.define(...)`;
 * - `static properties` entries with `state: true` are internal state, not attributes;
 * - without `attribute: '...'`, Lit's attribute name is the property name in lowercase;
 * - `export { TwinSpace }` of an imported class points to the module that declares it.
 */
function twinkitPlugin() {
  return {
    name: 'twinkit',
    analyzePhase({ ts, node, moduleDoc, context }) {
      // A top-level `SomeClass.define('tag-name')` statement.
      if (
        ts.isExpressionStatement(node) &&
        ts.isSourceFile(node.parent) &&
        ts.isCallExpression(node.expression) &&
        ts.isPropertyAccessExpression(node.expression.expression) &&
        node.expression.expression.name.text === 'define' &&
        ts.isIdentifier(node.expression.expression.expression) &&
        node.expression.arguments.length === 1 &&
        ts.isStringLiteralLike(node.expression.arguments[0])
      ) {
        const className = node.expression.expression.expression.text;
        moduleDoc.exports = [
          ...(moduleDoc.exports ?? []),
          {
            kind: 'custom-element-definition',
            name: node.expression.arguments[0].text,
            declaration: { name: className, ...origin(moduleDoc, context, className) },
          },
        ];
      }

      // Runs after the Lit plugin has read `static properties` of this class.
      if (ts.isClassDeclaration(node) && node.name) {
        const klass = moduleDoc.declarations.find((declaration) => declaration.name === node.name.text);
        const properties = node.members.find(
          (member) => ts.isPropertyDeclaration(member) && member.name?.getText() === 'properties' && member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword),
        )?.initializer;
        if (!klass || !properties || !ts.isObjectLiteralExpression(properties)) return;
        for (const property of properties.properties) {
          if (!ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.initializer)) continue;
          const name = property.name.getText();
          const option = (key) => property.initializer.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === key)?.initializer;
          const member = klass.members?.find((m) => m.name === name);
          const attribute = klass.attributes?.find((a) => a.fieldName === name);
          if (option('state')?.kind === ts.SyntaxKind.TrueKeyword) {
            klass.attributes = klass.attributes?.filter((a) => a !== attribute);
            if (member) {
              member.privacy = 'private';
              delete member.attribute;
              delete member.reflects;
            }
          } else if (attribute && !option('attribute') && name !== name.toLowerCase()) {
            attribute.name = name.toLowerCase();
            if (member) member.attribute = attribute.name;
          }
        }
      }
    },
    moduleLinkPhase({ moduleDoc, context }) {
      for (const entry of moduleDoc.exports ?? []) {
        if (entry.kind === 'js' && entry.declaration?.module === moduleDoc.path) {
          entry.declaration = { name: entry.declaration.name, ...origin(moduleDoc, context, entry.declaration.name) };
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      // Module references like `/src/components/base/twin-element.js` -> `src/components/base/twin-element.ts`.
      const visit = (value) => {
        if (Array.isArray(value)) return value.forEach(visit);
        if (!value || typeof value !== 'object') return;
        if (typeof value.module === 'string' && value.module.startsWith('/')) value.module = modulePath('', value.module);
        Object.values(value).forEach(visit);
      };
      visit(customElementsManifest.modules);
    },
  };
}

export default {
  globs: ['src/components/**/*.component.ts', ...registrationFiles],
  exclude: ['**/*.test.ts', '**/*.stories.ts'],
  outdir: 'dist',
  litelement: true,
  // The analyzer would otherwise rewrite "customElements" in package.json.
  packagejson: false,
  plugins: [twinkitPlugin()],
};

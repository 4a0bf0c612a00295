import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository's root, where README.md and node_modules are. */
export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** The package's entry points the examples import, as the source files they are built from. */
const ENTRY_POINTS: Record<string, string> = {
  twinkit: 'src/sdk/index.ts',
  'twinkit/sdk': 'src/sdk/index.ts',
  'twinkit/conformance': 'src/sdk/conformance/index.ts',
  'twinkit/adapters/synced': 'src/sdk/adapters/synced/index.ts',
};

/**
 * The README's code blocks marked to be run: a fenced block right after a comment line
 * `<!-- readme-example: <file name> ... -->`, by file name.
 */
export function readmeExamples(markdown: string): Map<string, string> {
  const examples = new Map<string, string>();
  const marked = /^<!-- readme-example: (\S+)[^\n]*-->\n```[a-z]*\n([\s\S]*?)^```$/gm;
  for (const [, file, code] of markdown.matchAll(marked)) {
    if (examples.has(file)) throw new Error(`README.md marks two examples as ${file}`);
    examples.set(file, code);
  }
  return examples;
}

/**
 * The example with `twinkit/...` imports pointing at the source. Any other package import is refused:
 * an example may only use what a reader of the README has.
 */
export function withSourceImports(code: string): string {
  return code.replace(/\bfrom '([^']+)'/g, (whole, specifier: string) => {
    if (specifier.startsWith('./') || specifier.startsWith('node:')) return whole;
    const source = ENTRY_POINTS[specifier];
    if (!source) throw new Error(`A README example imports '${specifier}', which is not one of ${Object.keys(ENTRY_POINTS).join(', ')}`);
    return `from '${pathToFileURL(ROOT + source).href}'`;
  });
}

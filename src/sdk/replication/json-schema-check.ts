/**
 * A small JSON Schema checker for the subset the replication protocol's OpenAPI file uses, so its
 * examples and a server's real answers can be checked without a validator dependency. Keywords it
 * does not know are ignored (annotations such as `description`, `format`, `discriminator`).
 * Supported: $ref (within the same document), type, required, properties, additionalProperties,
 * enum, const, oneOf, allOf, items, minimum, maximum, minLength, maxLength, minItems, maxItems, pattern.
 */
export type JsonSchema = Record<string, unknown>;

/** The problems found, each as "<path>: <what>"; empty when `value` fits `schema`. */
export function checkJsonSchema(value: unknown, schema: JsonSchema, root: JsonSchema, path = '$'): string[] {
  if (typeof schema.$ref === 'string') return checkJsonSchema(value, resolveRef(root, schema.$ref), root, path);
  const problems: string[] = [];
  const fail = (what: string) => problems.push(`${path}: ${what}`);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((type) => hasType(value, type as string))) return [`${path}: expected ${types.join(' or ')}, got ${JSON.stringify(value)}`];
  }
  if ('const' in schema && !sameJson(value, schema.const)) fail(`expected ${JSON.stringify(schema.const)}, got ${JSON.stringify(value)}`);
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => sameJson(value, option))) fail(`expected one of ${JSON.stringify(schema.enum)}`);
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) fail(`below the minimum ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) fail(`above the maximum ${schema.maximum}`);
  }
  if (typeof value === 'string') {
    const length = [...value].length; // JSON Schema counts characters, not UTF-16 units
    if (typeof schema.minLength === 'number' && length < schema.minLength) fail(`shorter than ${schema.minLength}`);
    if (typeof schema.maxLength === 'number' && length > schema.maxLength) fail(`longer than ${schema.maxLength}`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) fail(`does not match ${schema.pattern}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) fail(`fewer than ${schema.minItems} items`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) fail(`more than ${schema.maxItems} items`);
    if (isObject(schema.items)) value.forEach((item, i) => problems.push(...checkJsonSchema(item, schema.items as JsonSchema, root, `${path}[${i}]`)));
  }
  if (isObject(value)) {
    for (const key of (schema.required as string[] | undefined) ?? []) if (!(key in value)) fail(`missing "${key}"`);
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const [key, field] of Object.entries(value)) {
      if (key in properties) problems.push(...checkJsonSchema(field, properties[key], root, `${path}.${key}`));
      else if (schema.additionalProperties === false) fail(`unexpected "${key}"`);
      else if (isObject(schema.additionalProperties)) problems.push(...checkJsonSchema(field, schema.additionalProperties, root, `${path}.${key}`));
    }
  }
  for (const part of (schema.allOf as JsonSchema[] | undefined) ?? []) problems.push(...checkJsonSchema(value, part, root, path));
  if (Array.isArray(schema.oneOf)) {
    const outcomes = (schema.oneOf as JsonSchema[]).map((option) => checkJsonSchema(value, option, root, path));
    const fitting = outcomes.filter((outcome) => outcome.length === 0).length;
    // Exactly one: the closest option's problems say best what is wrong.
    if (fitting === 0) problems.push(...outcomes.reduce((a, b) => (b.length < a.length ? b : a)));
    if (fitting > 1) fail(`fits ${fitting} of the oneOf options, not exactly one`);
  }
  return problems;
}

/** The schema a local `$ref` ("#/components/schemas/Change") points to; throws when it points nowhere. */
export function resolveRef(root: JsonSchema, ref: string): JsonSchema {
  if (!ref.startsWith('#/')) throw new Error(`Only local references are supported: ${ref}`);
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) || !(key in node)) throw new Error(`The reference ${ref} points nowhere ("${key}" is missing).`);
    node = node[key];
  }
  if (!isObject(node)) throw new Error(`The reference ${ref} does not point to an object.`);
  return node;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'integer':
      return Number.isInteger(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      return typeof value === type;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && sameJson(a[key], b[key]));
}

/**
 * What every shared-server adapter reads from a page's `adapter-options` (CouchDB, the replication
 * protocol): where the server is, how to sign in, and whose local copy this is. One reading, so
 * both say the same thing about the same mistake.
 */
export interface ServerConnection {
  url: string;
  headers?: Record<string, string>;
  credentials?: { name: string; password: string };
  /** Names this device's local copy when sign-in is by `headers` (a proxy): the signed-in person's id. */
  localName?: string;
}

const isRecordOfStrings = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');

/** What is wrong with the connection settings, as sentences; `examplePath` is the same-origin path a message suggests. */
export function connectionProblems(options: Record<string, unknown>, examplePath: string): string[] {
  const { url, headers, credentials, localName } = options;
  const problems: string[] = [];
  if (typeof url !== 'string' || !url.trim()) problems.push(`url is required: the server's address, or a same-origin path such as "${examplePath}"`);
  else if (!/^(https?:\/\/|\/)/i.test(url.trim())) problems.push(`url "${url}" must start with http://, https:// or /`);
  if (headers !== undefined && !isRecordOfStrings(headers)) problems.push('headers must be an object of strings');
  const signIn = credentials as { name?: unknown; password?: unknown } | undefined;
  if (credentials !== undefined && (typeof signIn?.name !== 'string' || typeof signIn.password !== 'string')) problems.push('credentials must be { "name": "...", "password": "..." }');
  if (localName !== undefined && (typeof localName !== 'string' || !localName)) problems.push('localName must be a non-empty string');
  return problems;
}

/** The connection settings, once `connectionProblems` found none. */
export function connectionOf(options: Record<string, unknown>): ServerConnection {
  const { url, headers, credentials, localName } = options;
  return {
    url: (url as string).trim(),
    ...(headers ? { headers: headers as Record<string, string> } : {}),
    ...(credentials ? { credentials: credentials as { name: string; password: string } } : {}),
    ...(typeof localName === 'string' ? { localName } : {}),
  };
}

/**
 * The local copy's part of its IndexedDB name: one per server and person, so two people signing
 * in on one browser never share an outbox (the server would refuse one's writes sent as the other).
 */
export function localCopyKey({ url, credentials, localName }: Pick<ServerConnection, 'url' | 'credentials' | 'localName'>): string {
  const person = credentials?.name ?? localName ?? 'guest';
  return `${url}-${person}`.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
}

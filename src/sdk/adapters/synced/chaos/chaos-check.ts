/**
 * The final check of a chaos run: nothing acknowledged is lost, nothing is stored twice, and every
 * device and tab shows what the server has. Pure, so it can be shown to fail on a hand-made log.
 */
import type { RawRecord } from '../../../adapter.js';
import type { Finding, Observed, WriteEntry } from './chaos-log.js';

/** The value at a dotted path (`translations.fr.term`). */
export function valueAt(record: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), record);
}

const holds = (record: unknown, token: string) => record !== undefined && JSON.stringify(record).includes(JSON.stringify(token).slice(1, -1));

/**
 * Sorted keys, without `space` (the server's copy is read per database) and `rev`: a device may
 * name its local versions its own way; what must match is the id and the content.
 */
export function fingerprint(record: RawRecord): string {
  const sort = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sort)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, sort((value as Record<string, unknown>)[key])]))
        : value;
  const { space: _space, rev: _rev, ...rest } = record;
  return JSON.stringify(sort(rest));
}

/** Where a token was found: on the server, in a kept version (which device, which side), or nowhere. */
export function whereIs(token: string, id: string, observed: Observed): string[] {
  const places: string[] = [];
  const current = observed.server.find((record) => record.id === id);
  if (holds(current, token)) places.push('server');
  for (const device of observed.devices) {
    for (const conflict of device.conflicts.filter((kept) => kept.id === id)) {
      for (const side of ['mine', 'theirs', 'merged'] as const) if (holds(conflict[side], token)) places.push(`${device.name} kept ${conflict.kind} (${side})`);
    }
  }
  return places;
}

/** Why a token may be absent on purpose: a later acknowledged write replaced it knowingly, or a later delete removed the record. */
export function excuse(entry: WriteEntry, path: string, token: string, log: WriteEntry[], onServer: boolean): string | undefined {
  for (const later of log) {
    if (!later.ok || later.id !== entry.id || later.index <= entry.index) continue;
    if (later.kind === 'edit' && valueAt(later.base, path) === token && later.wrote.some((each) => each.path === path)) return `replaced by write #${later.index}, which saw it`;
    if (later.kind === 'delete' && holds(later.base, token)) return `deleted by write #${later.index}, which saw it`;
    if (later.kind === 'delete' && !onServer) return `the record was deleted by the later write #${later.index}`;
  }
  return undefined;
}

export function checkRun(log: WriteEntry[], observed: Observed): Finding[] {
  const findings: Finding[] = [];
  const serverIds = new Set(observed.server.map((record) => record.id));

  for (const entry of log) {
    if (!entry.ok) continue;
    for (const { path, token } of entry.wrote) {
      if (whereIs(token, entry.id, observed).length) continue;
      if (excuse(entry, path, token, log, serverIds.has(entry.id))) continue;
      findings.push({ kind: 'lost', id: entry.id, message: `write #${entry.index} (${entry.kind} on ${entry.tab}) acknowledged ${path} = ${token}; it is nowhere: not on the server, not kept` });
    }
  }

  // One logical entry (its create's token) stored under two ids is a duplicate.
  const byEntry = new Map<string, string[]>();
  for (const record of observed.server) {
    const entryToken = (record.tags as string[] | undefined)?.[0];
    if (entryToken) byEntry.set(entryToken, [...(byEntry.get(entryToken) ?? []), record.id]);
  }
  for (const [entryToken, ids] of byEntry) {
    if (ids.length > 1) findings.push({ kind: 'duplicate', id: ids[0], message: `entry ${entryToken} is on the server ${ids.length} times: ${ids.join(', ')}` });
  }

  const server = new Map(observed.server.map((record) => [record.id, fingerprint(record)]));
  const compare = (where: string, records: RawRecord[]) => {
    const here = new Map(records.map((record) => [record.id, fingerprint(record)]));
    for (const [id, print] of server) {
      if (!here.has(id)) findings.push({ kind: 'diverged', id, message: `${where} lacks a record the server has` });
      else if (here.get(id) !== print) findings.push({ kind: 'diverged', id, message: `${where} differs from the server:\n      here:   ${here.get(id)}\n      server: ${print}` });
    }
    for (const id of here.keys()) if (!server.has(id)) findings.push({ kind: 'diverged', id, message: `${where} has a record the server does not` });
  };
  for (const device of observed.devices) compare(`${device.name}'s IndexedDB`, device.local);
  for (const tab of observed.tabs) compare(`tab ${tab.name}'s store.list`, tab.list);
  return findings;
}

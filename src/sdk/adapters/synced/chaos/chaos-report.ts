/** Prints a failed run so it can be replayed and understood: the seed, each affected record's history, and what is where. */
import type { EventEntry, Finding, Observed, WriteEntry } from './chaos-log.js';
import { excuse, valueAt, whereIs } from './chaos-check.js';

const short = (value: unknown) => (value === undefined ? '-' : JSON.stringify(value));

export function describeWrite(entry: WriteEntry): string {
  // For edits, what the editor saw in each field it wrote: shows whether it replaced a token knowingly.
  const wrote = entry.wrote.map(({ path, token }) => `${path}=${token}${entry.kind === 'edit' ? ` (was ${short(valueAt(entry.base, path))})` : ''}`).join(' ');
  const base = entry.base ? ` base ${entry.base.rev}` : '';
  const outcome = entry.ok ? `acknowledged at ${entry.at} ms` : `refused: ${entry.error}`;
  return `#${entry.index} ${entry.tab} ${entry.kind}${base} ${wrote} -> ${outcome}`;
}

export function formatReport(run: { seed: number; ops: number; log: WriteEntry[]; events: EventEntry[]; observed: Observed; findings: Finding[] }): string {
  const { seed, ops, log, events, observed, findings } = run;
  const lines = [`chaos seed ${seed} (${ops} ops): ${findings.length} finding(s). Replay: npm run chaos -- --seed ${seed} --ops ${ops}`];
  const ids = [...new Set(findings.map((finding) => finding.id))];
  for (const id of ids) {
    lines.push('', `record ${id}:`);
    for (const finding of findings.filter((each) => each.id === id)) lines.push(`  ${finding.kind}: ${finding.message}`);
    lines.push('  its writes, with faults in between:');
    const own = log.filter((entry) => entry.id === id);
    const first = own[0]?.index ?? 0;
    const last = own[own.length - 1]?.index ?? 0;
    const timeline = [
      ...own.map((entry) => ({ index: entry.index, text: describeWrite(entry) })),
      ...events.filter((event) => event.index > first && event.index < last).map((event) => ({ index: event.index, text: `#${event.index} ${event.event}` })),
    ].sort((a, b) => a.index - b.index);
    for (const { text } of timeline) lines.push(`    ${text}`);
    const onServer = observed.server.some((record) => record.id === id);
    for (const entry of own.filter((each) => each.ok)) {
      for (const { path, token } of entry.wrote) {
        const found = whereIs(token, id, observed).join(', ');
        lines.push(`  ${token}: ${found || `nowhere (${excuse(entry, path, token, log, onServer) ?? 'LOST'})`}`);
      }
    }
    lines.push(`  server now: ${short(observed.server.find((record) => record.id === id))}`);
    for (const device of observed.devices) {
      lines.push(`  ${device.name} local: ${short(device.local.find((record) => record.id === id))}`);
      for (const kept of device.conflicts.filter((conflict) => conflict.id === id)) {
        lines.push(`  ${device.name} kept ${kept.kind}: mine ${short(kept.mine)} theirs ${short(kept.theirs)} merged ${short(kept.merged)}`);
      }
    }
  }
  return lines.join('\n');
}

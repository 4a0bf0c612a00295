import type { Checkpoint, PulledChange, PullPage, PushResult, PushWrite } from '../../replication/protocol.js';
import type { TwinUser } from '../../policy/roles.js';
import { ConformanceFailure } from '../check.js';
import type { Answer, HttpRequest, ProtocolHttp } from './http.js';
import { policyUser, ROLE_DESCRIPTIONS, type PersonRole, type RemotePerson } from './people.js';
import { checkPullPage, checkPushResults } from './shapes.js';

export interface PullRequest {
  checkpoint: Checkpoint | null;
  limit: number;
  wait: number;
}

/** Pages a feed may take before the suite calls it endless (a `more: true` that never ends). */
const MAX_PAGES = 500;

/** Where each person's feed was last read to its end, so every test starts from there, not from the beginning. */
export type FeedEnds = Map<PersonRole, Checkpoint | null>;

/** One person of the suite, speaking the protocol over HTTP. */
export class Actor {
  readonly user: TwinUser | undefined;

  constructor(
    readonly role: PersonRole,
    readonly person: RemotePerson,
    private readonly http: ProtocolHttp,
    private readonly space: string,
    private readonly ends: FeedEnds,
    private readonly timeout: number,
  ) {
    this.user = policyUser(role, person);
  }

  /** For messages: `people.pupil (Pia)`. */
  get label(): string {
    return this.role === 'anonymous' ? 'an anonymous request (no credentials)' : `people.${this.role} (${this.person.name || this.person.id})`;
  }

  get description(): string {
    return ROLE_DESCRIPTIONS[this.role];
  }

  /** The author a record of theirs carries. */
  get author(): { id: string; name: string; school?: string } {
    const { id, name, school } = this.person;
    return { id, name, ...(school === undefined ? {} : { school }) };
  }

  request(request: Omit<HttpRequest, 'headers' | 'timeout'> & { timeout?: number }): Promise<Answer> {
    return this.http.send({ timeout: this.timeout, ...request, headers: this.person.headers });
  }

  pullRaw(body: unknown, timeout?: number): Promise<Answer> {
    return this.request({ method: 'POST', path: 'pull', json: body, ...(timeout ? { timeout } : {}) });
  }

  async pull(request: PullRequest): Promise<PullPage> {
    const answer = await this.pullRaw(request, this.timeout + request.wait * 1000);
    return checkPullPage(answer, this.space, request.limit, `pull as ${this.label}`);
  }

  pushRaw(body: unknown): Promise<Answer> {
    return this.request({ method: 'POST', path: 'push', json: body });
  }

  async push(writes: PushWrite[], origin = `conformance-${this.role}`): Promise<PushResult[]> {
    const answer = await this.pushRaw({ origin, writes });
    return checkPushResults(answer, writes, `push as ${this.label}`);
  }

  async pushOne(write: PushWrite, origin?: string): Promise<PushResult> {
    return (await this.push([write], origin))[0];
  }

  /** Every change after `from`, page after page, until the server answers `more: false`. */
  async readToEnd(from: Checkpoint | null, limit = 100): Promise<{ changes: PulledChange[]; checkpoint: Checkpoint; pages: PullPage[] }> {
    const pages: PullPage[] = [];
    let checkpoint = from;
    for (;;) {
      const page = await this.pull({ checkpoint, limit, wait: 0 });
      pages.push(page);
      checkpoint = page.checkpoint;
      if (!page.more) break;
      if (pages.length >= MAX_PAGES) {
        throw new ConformanceFailure(`pull as ${this.label} still answered more: true after ${MAX_PAGES} pages of ${limit}: "more" must become false at the end of the feed`);
      }
    }
    this.ends.set(this.role, checkpoint);
    return { changes: pages.flatMap((p) => p.changes), checkpoint: checkpoint as Checkpoint, pages };
  }

  /** A checkpoint at the end of their feed now: what a test reads from after its writes. */
  async feedEnd(): Promise<Checkpoint | null> {
    return (await this.readToEnd(this.ends.get(this.role) ?? null, 1000)).checkpoint;
  }
}

/** The changes of one record in a list of changes. */
export const changesOf = (changes: PulledChange[], collection: string, id: string) => changes.filter((c) => c.collection === collection && c.id === id);

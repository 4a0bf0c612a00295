import type { Checkpoint } from '../../replication/protocol.js';
import { check } from '../check.js';
import { changesOf, type Actor } from './actor.js';
import type { PersonRole } from './people.js';
import type { RemoteTestContext } from './suite-context.js';

/** How the messages name each person: "pull sent the body ... to another pupil of the same school". */
const PHRASES: Record<PersonRole, string> = {
  admin: 'an admin',
  teacher: 'a teacher',
  moderator: 'a moderator',
  pupil: 'its author',
  otherPupil: 'another pupil of the same school',
  otherSchoolPupil: 'a pupil of another school',
  observer: 'an observer',
  nonMember: 'someone who is not a member',
  anonymous: 'someone not signed in',
};

export const phrase = (actor: Actor) => `${PHRASES[actor.role]} (${actor.label})`;

/** Feed positions of several people, taken before a test writes, so each reads only what came after. */
export class Audience {
  private readonly starts = new Map<Actor, Checkpoint | null>();

  private constructor(readonly actors: Actor[]) {}

  static async before(actors: (Actor | undefined)[]): Promise<Audience> {
    const present = [...new Set(actors.filter((a): a is Actor => a !== undefined))];
    const audience = new Audience(present);
    for (const actor of present) audience.starts.set(actor, await actor.feedEnd());
    return audience;
  }

  /** Reads each person's feed since the last call and returns their changes of one record. */
  async changesOf(actor: Actor, collection: string, id: string) {
    const { changes, checkpoint } = await actor.readToEnd(this.starts.get(actor) ?? null);
    this.starts.set(actor, checkpoint);
    return changesOf(changes, collection, id);
  }

  /** Those who may read it get its body, at its latest revision. */
  async expectDelivered(readers: (Actor | undefined)[], collection: string, id: string, what: string, rev?: string): Promise<void> {
    for (const reader of readers) {
      if (!reader) continue;
      const changes = await this.changesOf(reader, collection, id);
      const last = changes.at(-1);
      check(last?.record, `pull did not send ${what} to ${phrase(reader)}, who may read it${last ? ` (it sent a deletion, rev ${last.rev})` : ' (no change of it at all)'}`);
      if (rev) check(last.rev === rev, `pull sent ${what} to ${phrase(reader)} at rev '${last.rev}', not at its latest revision '${rev}'`);
    }
  }

  /** Those who may not read it get no body: nothing, or a deletion. */
  async expectWithheld(outsiders: (Actor | undefined)[], collection: string, id: string, what: string): Promise<void> {
    for (const outsider of outsiders) {
      if (!outsider) continue;
      const changes = await this.changesOf(outsider, collection, id);
      const leaked = changes.find((c) => c.record);
      check(!leaked, `pull sent the body of ${what} to ${phrase(outsider)}, who may not read it: send { collection, id, rev, deleted: true } without the record`);
    }
  }

  /** Those who had a copy and may no longer read it get a deletion, so their copy goes away. */
  async expectTakenBack(formerReaders: (Actor | undefined)[], collection: string, id: string, what: string): Promise<void> {
    for (const reader of formerReaders) {
      if (!reader) continue;
      const changes = await this.changesOf(reader, collection, id);
      check(!changes.some((c) => c.record), `pull sent the body of ${what} to ${phrase(reader)}, who may no longer read it`);
      check(
        changes.at(-1)?.deleted === true,
        `pull sent ${phrase(reader)} nothing about ${what}, whose copy they had: their device keeps showing it. Send { collection, id, rev, deleted: true } so the copy goes away`,
      );
    }
  }
}

/** Those of these people the suite was given (a test skips when it needs one and none is). */
export function anyOf(ctx: RemoteTestContext, roles: PersonRole[]): Actor[] {
  return roles.map((r) => ctx.maybe(r)).filter((a): a is Actor => a !== undefined);
}

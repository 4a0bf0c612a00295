import { msg, str } from '@lit/localize';
import type { SyncConflict } from '../sdk/adapters/synced/sync-status.js';
import { crossingKind, refusalKind, type RefusalKind } from './kept-version-kind.js';
import { formatFileSize } from './file-size.js';

/** Why a version was kept, in the UI language; the server's own words when no reading knew them. */
export interface KeptVersionReason {
  sentence: string;
  /** A refusal in the server's words, shown as sent after `sentence`, inside its own `lang`. */
  serverSays?: { text: string; lang: string };
}

/** What a refusal of Twinkit's own rules means for the person who made the change. */
function refusalSentence({ kind, numbers }: RefusalKind): string {
  switch (kind) {
    case 'sign-in':
      return msg('You are not signed in to the server: sign in to change anything in this space.', { id: 'sync.refusal.sign-in' });
    case 'not-member':
      return msg('The server does not count you as a member of this space, so you cannot change anything in it: ask a teacher.', { id: 'sync.refusal.not-member' });
    case 'observer':
      return msg('Observers can read this space but cannot change anything in it.', { id: 'sync.refusal.observer' });
    case 'hidden':
      return msg('A teacher or moderator hid this, so its author can no longer change or delete it. Ask a teacher if it should come back.', { id: 'sync.refusal.hidden' });
    case 'private':
      return msg('This belongs to its author and the teachers: nobody else can change it.', { id: 'sync.refusal.private' });
    case 'own-name':
      return msg('You can write only in your own name.', { id: 'sync.refusal.own-name' });
    case 'others-records':
      return msg('You can change or delete only what you wrote or uploaded yourself.', { id: 'sync.refusal.others-records' });
    case 'authorship':
      return msg('Nobody can change who wrote or uploaded something, or when.', { id: 'sync.refusal.authorship' });
    case 'unhide':
      return msg('Only a teacher can bring back something that was hidden.', { id: 'sync.refusal.unhide' });
    case 'staff-only':
      return msg("Only teachers can add this: the project plan, the journal's prompts and notes, and the board's sections and settings are theirs.", { id: 'sync.refusal.staff-only' });
    case 'moderators-only':
      return msg('Only teachers and moderators can do this: approve, hide, pin, or send back with a comment.', { id: 'sync.refusal.moderators-only' });
    case 'needs-approval':
      return msg('In this space a teacher or moderator approves new writing and changes before everyone sees them: this change has to wait for approval.', { id: 'sync.refusal.needs-approval' });
    case 'translations-only':
      return msg("You can add a missing language to someone else's entry, but not change or remove the languages it already has.", { id: 'sync.refusal.translations-only' });
    case 'translation-unpublished':
      return msg('Languages can be added only to published entries.', { id: 'sync.refusal.translation-unpublished' });
    case 'translation-needs-approval':
      return msg("In this space your writing waits for approval, so you cannot add to someone else's entry directly: suggest it in a comment instead.", { id: 'sync.refusal.translation-needs-approval' });
    case 'file-type':
      return msg('The server does not accept this kind of file: only pictures, sound, video, PDF and office documents.', { id: 'sync.refusal.file-type' });
    case 'file-too-large':
      return msg(str`This file is too large for the server: the limit is ${formatFileSize(numbers[0] * 1024 * 1024)}.`, { id: 'sync.refusal.file-too-large' });
    case 'record-too-large':
      return msg('This is too large for the server: make the texts shorter.', { id: 'sync.refusal.record-too-large' });
    case 'wrong-place':
      return msg('This change was sent to the wrong place on the server: ask whoever runs the server.', { id: 'sync.refusal.wrong-place' });
    case 'malformed':
      return msg('The server could not accept this change as it was sent: ask whoever runs the server.', { id: 'sync.refusal.malformed' });
  }
}

/**
 * Why sync kept this version, in the UI language: the engine's and Twinkit's server rules' fixed
 * sentences each have their own; a refusal worded by another server is shown as it came, marked
 * as English unless `serverLang` says otherwise (a screen reader then reads it in that language).
 */
export function keptVersionReason(conflict: Pick<SyncConflict, 'kind' | 'message'>, serverLang = 'en'): KeptVersionReason {
  switch (conflict.kind) {
    case 'refused': {
      const known = refusalKind(conflict.message);
      if (known) return { sentence: msg(str`The server's rules refused this change: ${refusalSentence(known)}`, { id: 'sync-conflicts.kind-refused' }) };
      return {
        sentence: msg('The server refused this change. Its reason, as the server gave it:', { id: 'sync-conflicts.refused-as-sent' }),
        serverSays: { text: conflict.message, lang: serverLang },
      };
    }
    case 'conflict':
      switch (crossingKind(conflict.message)) {
        case 'deleted-there':
          return { sentence: msg('Someone else deleted this on the server while you changed it. Your version was kept for you.', { id: 'sync-conflicts.kind-deleted-there' }) };
        case 'deleted-here':
          return { sentence: msg('Someone else changed this on the server while you deleted it. Their version is shown now; your deletion was kept for you.', { id: 'sync-conflicts.kind-deleted-here' }) };
        default:
          return { sentence: msg('Someone else changed the same record first. Their version is shown now; this one was kept for you.', { id: 'sync-conflicts.kind-conflict' }) };
      }
    case 'branch':
      return { sentence: msg('Two servers disagreed and each took another version. One is shown now; the other was kept for you.', { id: 'sync-conflicts.kind-branch' }) };
  }
}

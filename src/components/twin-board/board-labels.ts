import { msg } from '@lit/localize';

/** The kinds of post a board holds. */
export type PostKind = 'text' | 'link' | 'image' | 'video' | 'file';
export type ReactionKind = 'like' | 'love' | 'clap' | 'idea';
export type Layout = 'wall' | 'columns' | 'timeline' | 'stream';

export const POST_KINDS: readonly PostKind[] = ['text', 'link', 'image', 'video', 'file'];
export const REACTIONS: readonly ReactionKind[] = ['like', 'love', 'clap', 'idea'];
export const LAYOUTS: readonly Layout[] = ['wall', 'columns', 'timeline', 'stream'];
export const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const;
export type ColorLabel = (typeof COLORS)[number];

/** The emoji of a reaction: a picture, so the same in every language; its name is the label. */
export const REACTION_EMOJI: Record<ReactionKind, string> = { like: '👍', love: '❤️', clap: '👏', idea: '💡' };

export function kindLabel(kind: string): string {
  switch (kind) {
    case 'text':
      return msg('Text', { id: 'board.kind.text' });
    case 'link':
      return msg('Link', { id: 'board.kind.link' });
    case 'image':
      return msg('Photo', { id: 'board.kind.image' });
    case 'video':
      return msg('Video or sound', { id: 'board.kind.video' });
    default:
      return msg('File', { id: 'board.kind.file' });
  }
}

export function reactionLabel(kind: ReactionKind): string {
  switch (kind) {
    case 'like':
      return msg('Like', { id: 'board.reaction.like' });
    case 'love':
      return msg('Love it', { id: 'board.reaction.love' });
    case 'clap':
      return msg('Well done', { id: 'board.reaction.clap' });
    default:
      return msg('Good idea', { id: 'board.reaction.idea' });
  }
}

export function layoutLabel(layout: Layout): string {
  switch (layout) {
    case 'wall':
      return msg('Wall', { id: 'board.layout.wall' });
    case 'columns':
      return msg('Columns', { id: 'board.layout.columns' });
    case 'timeline':
      return msg('Timeline', { id: 'board.layout.timeline' });
    default:
      return msg('Stream', { id: 'board.layout.stream' });
  }
}

export function colorLabel(color: string): string {
  switch (color) {
    case 'yellow':
      return msg('Yellow', { id: 'board.color.yellow' });
    case 'green':
      return msg('Green', { id: 'board.color.green' });
    case 'blue':
      return msg('Blue', { id: 'board.color.blue' });
    case 'pink':
      return msg('Pink', { id: 'board.color.pink' });
    case 'purple':
      return msg('Purple', { id: 'board.color.purple' });
    case 'orange':
      return msg('Orange', { id: 'board.color.orange' });
    default:
      return msg('No colour', { id: 'board.color.none' });
  }
}

/** Who the author is on the trip: shown on every post, so partners know who was there. */
export function travelLabel(mobile: boolean | undefined): string {
  return mobile ? msg('travelling', { id: 'board.author.travelling' }) : msg('at home', { id: 'board.author.home' });
}

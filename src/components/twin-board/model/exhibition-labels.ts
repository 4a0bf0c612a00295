import type { BoardReactionKind } from './board-types.js';

/** The exhibition document's own words, in the language of its `lang`. */
export interface ExhibitionLabels {
  /** Before an author's name: "by Ana". */
  by: string;
  /** An author on the mobility. */
  travelling: string;
  /** An author taking part from home. */
  atHome: string;
  pinned: string;
  /** The heading of a post's comments. */
  comments: string;
  /** The heading (for screen readers) of a post's reaction counts. */
  reactionsHeading: string;
  /** A reaction's name, next to its emoji and count. */
  reactions: Record<BoardReactionKind, string>;
  /** The heading of posts whose section is gone (or, in a timeline, whose date cannot be read). */
  unsorted: string;
  /** "Exported on 12 March 2027": a prefix put before the date, or a function of the date. */
  exportedOn: string | ((date: string) => string);
  /** A timeline day inside the mobility: a prefix put before the number ("Day" 3), or a function of it. */
  mobilityDay: string | ((day: number) => string);
  /** Before a post's section name, in a timeline. */
  section: string;
  /** The text of a link to a post's web address. */
  openLink: string;
  file: string;
  picture: string;
  video: string;
  audio: string;
  /** After the description of a picture the document does not hold. */
  pictureNotIncluded: string;
  /** After the name of a clip or file the document does not hold. */
  fileNotIncluded: string;
  /** Instead of the sections, when there is no post at all. */
  empty: string;
}

export const DEFAULT_EXHIBITION_LABELS: ExhibitionLabels = {
  by: 'by',
  travelling: 'travelling',
  atHome: 'at home',
  pinned: 'Pinned',
  comments: 'Comments',
  reactionsHeading: 'Reactions',
  reactions: { like: 'Like', love: 'Love it', clap: 'Well done', idea: 'Good idea' },
  unsorted: 'Without a section',
  exportedOn: 'Exported on',
  mobilityDay: (day) => `day ${day} of the mobility`,
  section: 'Section',
  openLink: 'Open the link',
  file: 'File',
  picture: 'Picture',
  video: 'Video',
  audio: 'Sound',
  pictureNotIncluded: '(picture not included)',
  fileNotIncluded: '(file not included)',
  empty: 'No posts yet.',
};

/** The given words over the English defaults. */
export function exhibitionLabels(labels: Partial<ExhibitionLabels> = {}): ExhibitionLabels {
  return { ...DEFAULT_EXHIBITION_LABELS, ...labels, reactions: { ...DEFAULT_EXHIBITION_LABELS.reactions, ...labels.reactions } };
}

/** A label that is a prefix or a function, applied to its value. */
export function applyLabel<T extends string | number>(label: string | ((value: T) => string), value: T): string {
  return typeof label === 'function' ? label(value) : `${label} ${value}`;
}

import { msg, str } from '@lit/localize';
import type { ExhibitionLabels } from '../model/exhibition-labels.js';
import { reactionLabel, travelLabel } from '../board-labels.js';

/** The exhibition document's words in the reader's language. */
export function exhibitionWords(): ExhibitionLabels {
  return {
    by: msg('by', { id: 'board.exhibition.by' }),
    travelling: travelLabel(true),
    atHome: travelLabel(false),
    pinned: msg('Pinned', { id: 'board.pinned' }),
    comments: msg('Comments', { id: 'board.comments' }),
    reactionsHeading: msg('Reactions', { id: 'board.reactions' }),
    reactions: { like: reactionLabel('like'), love: reactionLabel('love'), clap: reactionLabel('clap'), idea: reactionLabel('idea') },
    unsorted: msg('Without a section', { id: 'board.section.none' }),
    exportedOn: (date) => msg(str`Exported on ${date}`, { id: 'board.exhibition.exported' }),
    mobilityDay: (day) => msg(str`day ${day} of the mobility`, { id: 'board.exhibition.mobility-day' }),
    section: msg('Section', { id: 'board.field.section' }),
    openLink: msg('Open the link', { id: 'board.exhibition.open-link' }),
    file: msg('File', { id: 'board.kind.file' }),
    picture: msg('Picture', { id: 'board.exhibition.picture' }),
    video: msg('Video', { id: 'board.player' }),
    audio: msg('Sound', { id: 'board.exhibition.audio' }),
    pictureNotIncluded: msg('(picture not included)', { id: 'board.exhibition.no-picture' }),
    fileNotIncluded: msg('(file not included)', { id: 'board.exhibition.no-file' }),
    empty: msg('No posts yet.', { id: 'board.exhibition.empty' }),
  };
}

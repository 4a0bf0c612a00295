import { msg } from '@lit/localize';
import type { PortfolioLabels } from './model/portfolio.js';
import { feedbackKindLabel } from './journal-labels.js';

/** The printed portfolio's own words, in the UI language. */
export function portfolioLabels(): PortfolioLabels {
  return {
    by: msg('by', { id: 'journal.portfolio.by' }),
    confidence: msg('How confident', { id: 'journal.portfolio.confidence' }),
    learned: msg('What I learned', { id: 'journal.portfolio.learned' }),
    feedback: msg('Feedback', { id: 'journal.portfolio.feedback' }),
    kinds: { liked: feedbackKindLabel('liked'), wonder: feedbackKindLabel('wonder'), next: feedbackKindLabel('next'), comment: feedbackKindLabel('comment') },
    image: msg('Photo', { id: 'journal.portfolio.image' }),
    audio: msg('Voice note', { id: 'journal.portfolio.audio' }),
    video: msg('Video', { id: 'journal.portfolio.video' }),
    notIncluded: msg('(not included in this document)', { id: 'journal.portfolio.not-included' }),
    noEntries: msg('No entries yet.', { id: 'journal.entries.none' }),
  };
}

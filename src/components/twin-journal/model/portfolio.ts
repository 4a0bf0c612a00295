import type { FeedbackKind, JournalFeedback } from '../../../sdk/schemas/journal-feedback.js';
import type { JournalNote } from '../../../sdk/schemas/journal-note.js';
import type { JournalPrompt } from '../../../sdk/schemas/journal-prompt.js';
import { CONFIDENCE_SCALE, type JournalEntry } from '../../../sdk/schemas/journal.js';
import { escapeHtml } from '../../twin-glossary/print/booklet-html.js';
import { allowListRichText } from '../../rich-text/allow-list-rich-text.js';

/** The `format` tag of a portfolio file. */
export const PORTFOLIO_FORMAT = 'twinkit-portfolio';
/** The version of the portfolio file format. */
export const PORTFOLIO_VERSION = 1;

/** A pupil named in a portfolio. */
export interface PortfolioPupil {
  id: string;
  name: string;
  school?: string;
  mobile?: boolean;
}

export interface PortfolioInput {
  /** The pupil the portfolio is of; none for a class portfolio. */
  pupil?: PortfolioPupil;
  entries: readonly JournalEntry[];
  feedback: readonly JournalFeedback[];
  notes: readonly JournalNote[];
  prompts: readonly JournalPrompt[];
  /** When it was made (ISO time). */
  exportedAt: string;
}

/** A portfolio file: the records as they are stored (every field, unknown ones too), with a format tag. */
export interface PortfolioData {
  format: typeof PORTFOLIO_FORMAT;
  version: typeof PORTFOLIO_VERSION;
  exportedAt: string;
  pupil?: PortfolioPupil;
  entries: JournalEntry[];
  feedback: JournalFeedback[];
  notes: JournalNote[];
  prompts: JournalPrompt[];
}

/** Plain data, detached from the (frozen, shared) records it was made of. */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The portfolio as data (see `portfolioJson`). */
export function portfolioData({ pupil, entries, feedback, notes, prompts, exportedAt }: PortfolioInput): PortfolioData {
  const data: PortfolioData = {
    format: PORTFOLIO_FORMAT,
    version: PORTFOLIO_VERSION,
    exportedAt,
    entries: copy([...entries]),
    feedback: copy([...feedback]),
    notes: copy([...notes]),
    prompts: copy([...prompts]),
  };
  if (pupil) data.pupil = copy(pupil);
  return data;
}

/**
 * A pupil's (or a class's) portfolio as a JSON file: format `twinkit-portfolio`, version 1, and
 * the entries, feedback, notes and prompt sets exactly as stored, so nothing is lost and the
 * file can be read back (`readPortfolio`) or imported elsewhere.
 */
export function portfolioJson(input: PortfolioInput): string {
  return JSON.stringify(portfolioData(input), null, 2);
}

/** Reads a portfolio file back. Throws an Error saying what is wrong when it is not one. */
export function readPortfolio(text: string): PortfolioData {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('This file is not a portfolio: it is not JSON.');
  }
  const candidate = data as Partial<PortfolioData> | null;
  if (!candidate || typeof candidate !== 'object' || candidate.format !== PORTFOLIO_FORMAT) {
    throw new Error(`This file is not a portfolio: its format must be "${PORTFOLIO_FORMAT}".`);
  }
  if (candidate.version !== PORTFOLIO_VERSION) {
    throw new Error(`This portfolio has version ${String(candidate.version)}; this version of Twinkit reads version ${PORTFOLIO_VERSION}.`);
  }
  for (const key of ['entries', 'feedback', 'notes', 'prompts'] as const) {
    if (!Array.isArray(candidate[key])) throw new Error(`This portfolio is damaged: "${key}" must be a list.`);
  }
  return candidate as PortfolioData;
}

/** The words of a printed portfolio. */
export interface PortfolioLabels {
  /** Before the author of feedback: "by Ana". */
  by: string;
  /** "Confidence: 3 / 5". */
  confidence: string;
  learned: string;
  feedback: string;
  /** The heading of feedback of each kind. */
  kinds: Record<FeedbackKind, string>;
  /** A photo whose picture is not in the file: "Photo: <its description>". */
  image: string;
  audio: string;
  video: string;
  /** After a file that the printed page cannot hold (sound, video, a missing picture). */
  notIncluded: string;
  noEntries: string;
}

export const DEFAULT_PORTFOLIO_LABELS: PortfolioLabels = {
  by: 'by',
  confidence: 'Confidence',
  learned: 'What I learned',
  feedback: 'Feedback',
  kinds: { liked: 'I liked', wonder: 'I wonder', next: 'Next time', comment: 'Comment' },
  image: 'Photo',
  audio: 'Voice note',
  video: 'Video',
  notIncluded: '(not included in this document)',
  noEntries: 'No entries yet.',
};

export interface PortfolioHtmlOptions {
  title: string;
  /** The language of the document's own words (`labels`). */
  lang: string;
  /** The document's words; missing ones are the English defaults. */
  labels?: Partial<PortfolioLabels>;
  /** One section per pupil, in this order. */
  pupils: readonly { pupil: PortfolioPupil; entries: readonly JournalEntry[]; feedback: readonly JournalFeedback[] }[];
  /** Prompt sets, for the questions the answers belong to. */
  prompts: readonly JournalPrompt[];
  /** Pictures, as `data:image/…;base64,…` URLs by attachment id: the document makes no request. */
  media?: ReadonlyMap<string, string>;
  /** How a date (`YYYY-MM-DD`) is printed; by default as it is. */
  formatDate?: (date: string) => string;
}

/** A picture the document may show: a base64 data URL of a raster image (no SVG, nothing remote). */
const PICTURE = /^data:image\/(?:png|jpeg|gif|webp|avif|bmp);base64,[A-Za-z0-9+/]+=*$/;

const byDate = (a: JournalEntry, b: JournalEntry) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.createdAt < b.createdAt ? -1 : 1);
const byCreation = (a: { createdAt: string }, b: { createdAt: string }) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0);

/** Plain text, escaped, its line breaks kept. */
const plain = (text: string) => escapeHtml(text).replace(/\r\n?|\n/g, '<br>');

/**
 * A self-contained printable portfolio: one section per pupil (each on a new page), their entries
 * by date with the answers to their prompts, what they learned, their confidence, their photos and
 * the feedback they received. Entry bodies are re-sanitised (`allowListRichText`); every other text
 * is escaped. Inline CSS (also for print), no script, no request: a Content-Security-Policy allows
 * only inline styles and `data:` pictures. Hidden entries and feedback that is not published are
 * left out.
 */
export function portfolioHtml(options: PortfolioHtmlOptions): string {
  const labels: PortfolioLabels = { ...DEFAULT_PORTFOLIO_LABELS, ...options.labels, kinds: { ...DEFAULT_PORTFOLIO_LABELS.kinds, ...options.labels?.kinds } };
  const e = escapeHtml;
  const date = options.formatDate ?? ((day: string) => day);
  const setById = new Map(options.prompts.map((set) => [set.id, set]));
  const promptText = (entry: JournalEntry, promptId: string) => {
    const own = entry.promptSet ? setById.get(entry.promptSet)?.prompts.find((prompt) => prompt.id === promptId) : undefined;
    return own?.text ?? promptId;
  };

  const mediaHtml = (entry: JournalEntry) =>
    (entry.media ?? [])
      .map((item) => {
        const alt = item.alt?.trim() ?? '';
        if (item.kind === 'image') {
          const url = options.media?.get(item.attachment);
          if (url && PICTURE.test(url)) return `<figure><img src="${e(url)}" alt="${e(alt)}">${alt ? `<figcaption>${e(alt)}</figcaption>` : ''}</figure>`;
          return `<p class="file">${e(labels.image)}${alt ? `: ${e(alt)}` : ''} ${e(labels.notIncluded)}</p>`;
        }
        return `<p class="file">${e(item.kind === 'audio' ? labels.audio : labels.video)}${alt ? `: ${e(alt)}` : ''} ${e(labels.notIncluded)}</p>`;
      })
      .join('');

  const feedbackHtml = (items: readonly JournalFeedback[]) =>
    items.length
      ? `<section class="feedback"><h4>${e(labels.feedback)}</h4><ul>${items
          .map((item) => `<li><strong>${e(labels.kinds[item.kind] ?? item.kind)}:</strong> ${plain(item.body)} <span class="by">${e(labels.by)} ${e(item.author.name)}</span></li>`)
          .join('')}</ul></section>`
      : '';

  const entryHtml = (entry: JournalEntry, feedback: readonly JournalFeedback[]) => {
    const answers = Object.entries(entry.answers ?? {}).filter(([, answer]) => /\S/.test(answer));
    const parts = [
      `<h3>${e(entry.title)}</h3>`,
      `<p class="meta"><time datetime="${e(entry.date)}">${e(date(entry.date))}</time></p>`,
      entry.body ? `<div class="body">${allowListRichText(entry.body)}</div>` : '',
      answers.length ? `<dl class="answers">${answers.map(([id, answer]) => `<dt>${e(promptText(entry, id))}</dt><dd>${plain(answer)}</dd>`).join('')}</dl>` : '',
      entry.learned ? `<p class="learned"><strong>${e(labels.learned)}:</strong> ${e(entry.learned)}</p>` : '',
      entry.confidence !== undefined ? `<p class="confidence"><strong>${e(labels.confidence)}:</strong> ${entry.confidence} / ${CONFIDENCE_SCALE.max}</p>` : '',
      mediaHtml(entry),
      feedbackHtml(feedback),
    ];
    return `<article${entry.language ? ` lang="${e(entry.language)}"` : ''}>${parts.join('')}</article>`;
  };

  const sections = options.pupils.map(({ pupil, entries, feedback }) => {
    const shown = entries.filter((entry) => entry.status !== 'hidden').sort(byDate);
    const onEntry = new Map<string, JournalFeedback[]>();
    for (const item of [...feedback].sort(byCreation)) {
      if (item.status !== 'published') continue;
      const list = onEntry.get(item.target) ?? [];
      list.push(item);
      onEntry.set(item.target, list);
    }
    const heading = `<h2>${e(pupil.name)}${pupil.school ? ` <span class="school">${e(pupil.school)}</span>` : ''}</h2>`;
    const body = shown.length ? shown.map((entry) => entryHtml(entry, onEntry.get(entry.id) ?? [])).join('\n') : `<p class="empty">${e(labels.noEntries)}</p>`;
    return `<section class="pupil">${heading}\n${body}</section>`;
  });

  return `<!doctype html><html lang="${e(options.lang)}"><head><meta charset="utf-8"><title>${e(options.title)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<style>
body{font:11pt/1.45 system-ui,sans-serif;margin:1.5cm;color:#000;background:#fff}
h1{font-size:20pt;margin:0 0 .8em}
h2{font-size:15pt;margin:0 0 .6em;border-bottom:2px solid #000;padding-bottom:.2em}
h2 .school{font-size:10pt;font-weight:normal;color:#444}
h3{font-size:12.5pt;margin:0 0 .1em}
h4{font-size:10pt;margin:.6em 0 .2em;text-transform:uppercase;letter-spacing:.04em;color:#444}
article{border-top:1px solid #999;padding:.7em 0;break-inside:avoid-page}
p{margin:0 0 .4em}
.meta,.by,.file,.empty{font-size:9.5pt;color:#444}
dl.answers dt{font-weight:bold;margin-top:.3em}
dl.answers dd{margin:0 0 .3em 1em}
figure{margin:.4em 0;break-inside:avoid}
img{max-width:100%;max-height:9cm}
figcaption{font-size:9pt;color:#444}
.feedback ul{margin:0;padding-left:1.2em}
a{color:#00e}
@page{margin:1.5cm}
@media print{
body{margin:0}
section.pupil+section.pupil{break-before:page}
a{color:inherit}
a[href]::after{content:" (" attr(href) ")";font-size:8.5pt;word-break:break-all}
}
</style></head><body><h1>${e(options.title)}</h1>
${sections.join('\n')}
</body></html>`;
}

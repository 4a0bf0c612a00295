import type { TwinUser } from '../../sdk/policy/roles.js';
import type { JournalFeedback } from '../../sdk/schemas/journal-feedback.js';
import type { JournalNote } from '../../sdk/schemas/journal-note.js';
import type { JournalPrompt } from '../../sdk/schemas/journal-prompt.js';
import type { JournalEntry } from '../../sdk/schemas/journal.js';
import type { Phase } from '../../sdk/schemas/phase.js';
import type { ProjectSettings } from '../../sdk/schemas/project.js';

/** A pupil as the overview lists them: from the page's roster, or from what they wrote. */
export interface JournalPupil {
  id: string;
  name: string;
  school?: string;
  mobile?: boolean;
}

/** Everything the journal's views draw from, derived once per render. */
export interface JournalState {
  lang: string;
  today: string;
  user: TwinUser | undefined;
  staff: boolean;
  entries: JournalEntry[];
  /** Feedback per entry id, oldest first. */
  feedbackOn: Map<string, JournalFeedback[]>;
  feedback: JournalFeedback[];
  promptSets: JournalPrompt[];
  promptSetById: Map<string, JournalPrompt>;
  notes: JournalNote[];
  /** The phases a set or an entry may be put in: the plan's, without removed ones. */
  phases: Phase[];
  /** Every phase of the plan, removed ones too: to name the phase of what was made in one. */
  allPhases: Phase[];
  project: ProjectSettings | undefined;
  feedbackApproval: boolean;
  pupils: JournalPupil[];
}

/** What the views ask the journal to do. */
export interface JournalActions {
  write(prompts: JournalPrompt | undefined, event: Event): void;
  open(entry: JournalEntry, event: Event): void;
  showPupil(pupil: JournalPupil | undefined): void;
  editPromptSet(set: JournalPrompt | undefined, event: Event): void;
  removePromptSet(set: JournalPrompt): void;
  setFeedbackApproval(on: boolean): void;
  writeNote(pupil: JournalPupil, body: string): Promise<boolean>;
  printPortfolio(pupils: JournalPupil[]): void;
  downloadPortfolio(pupils: JournalPupil[]): void;
  exportPerson(pupil: JournalPupil): void;
  erasePerson(pupil: JournalPupil, event: Event): void;
}

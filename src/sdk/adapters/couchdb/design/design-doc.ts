/**
 * The design document of a space's database, or of one audience's database (`audience`): the views
 * the adapter lists records with, and the server's copy of the policy. Written by the setup
 * command; only server admins may change it.
 */
import type { Audience } from '../../../policy/audience.js';
import type { ModerationMode } from '../../../policy/roles.js';
import { DESIGN_DOC_ID, LAYOUT_FIELD } from '../couch-names.js';
import { validateDocUpdateSource } from './validate-doc-update.js';
import { VIEWS } from './views.js';

export interface TwinkitDesignDoc {
  _id: typeof DESIGN_DOC_ID;
  language: 'javascript';
  views: typeof VIEWS;
  validate_doc_update: string;
  /** Always written, so that a space set up again with one database says so (putDesign keeps other fields). */
  [LAYOUT_FIELD]: 'space' | 'audiences';
}

export function designDoc(options: { space: string; moderation: ModerationMode; audience?: Audience }): TwinkitDesignDoc {
  return {
    _id: DESIGN_DOC_ID,
    language: 'javascript',
    views: VIEWS,
    validate_doc_update: validateDocUpdateSource(options),
    [LAYOUT_FIELD]: options.audience ? 'audiences' : 'space',
  };
}

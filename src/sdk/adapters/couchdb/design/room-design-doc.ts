/**
 * The design document of a reading room (audiences/reading-rooms.ts): the same views as
 * an audience's database, and rules that keep it read-only. The server's `_replicator` fills it from
 * the audience databases its readers may read; a member's own write there would reach nobody else
 * and could hold what its readers may not read, so only the server writes.
 *
 * ES5 source text beginning with `function`, as the space's `validate_doc_update` (see there why).
 */
import { DESIGN_DOC_ID, LAYOUT_FIELD } from '../couch-names.js';
import type { TwinkitDesignDoc } from './design-doc.js';
import { VIEWS } from './views.js';

export const ROOM_RULES = String.raw`function (newDoc, oldDoc, userCtx) {
  var roles = (userCtx && userCtx.roles) || [];
  for (var i = 0; i < roles.length; i++) if (roles[i] === '_admin' || roles[i] === '_replicator') return;
  throw { forbidden: 'A reading room is filled by the server: write to the record\'s own database.' };
}`;

export function roomDesignDoc(): TwinkitDesignDoc {
  return { _id: DESIGN_DOC_ID, language: 'javascript', views: VIEWS, validate_doc_update: ROOM_RULES, [LAYOUT_FIELD]: 'audiences' };
}

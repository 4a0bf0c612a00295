import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import type { FormProblem } from '../../../localization/form-problem.js';
import type { BoardComment, BoardFlag, BoardState, Post, Section } from '../board-state.js';
import { type Layout, LAYOUTS, layoutLabel, type ReactionKind } from '../board-labels.js';
import { shownTitle } from './post-content.js';

export type BoardDialog =
  | { kind: 'write'; id?: string; section?: string }
  | { kind: 'post'; id: string }
  | { kind: 'section'; base?: Section }
  | { kind: 'settings' }
  | undefined;

export interface DialogContext {
  state: BoardState;
  /** The post the dialog is about (opened, or edited), as stored now. */
  post: Post | undefined;
  comments: BoardComment[];
  flags: BoardFlag[];
  phases: { id: string; name: string }[];
  settings: { layout?: Layout; approval?: boolean } | undefined;
  problem: FormProblem | undefined;
  busy: boolean;
  handleClose: () => void;
  close: () => void;
  react: (post: Post, kind: ReactionKind) => void;
  savePost: (fields: Record<string, unknown>, base: Post | undefined) => Promise<Post>;
  composerDone: (saved: Post | undefined) => void;
  editPost: (post: Post) => void;
  saveSection: (name: string, base: Section | undefined) => void;
  saveSettings: (settings: { layout: Layout; approval: boolean }) => void;
}

/** The board's one modal dialog: writing a post, an opened post, a section's name, or the board settings. */
export function boardDialog(dialog: BoardDialog, context: DialogContext) {
  let title: unknown = '';
  let body: unknown = nothing;
  switch (dialog?.kind) {
    case 'write':
      title = dialog.id ? msg('Edit the post', { id: 'board.dialog.edit' }) : msg('Add a post', { id: 'board.write' });
      body =
        dialog.id && !context.post
          ? gone()
          : html`<twin-board-composer
              .store=${context.state.store}
              .post=${context.post}
              .sections=${context.state.sections}
              .section=${dialog.section}
              .phases=${context.phases}
              .save=${context.savePost}
              @composer-done=${(event: CustomEvent<{ post?: Post }>) => context.composerDone(event.detail.post)}
            ></twin-board-composer>`;
      break;
    case 'post':
      title = context.post ? shownTitle(context.post) : msg('Post', { id: 'board.dialog.post' });
      body = context.post
        ? html`<twin-board-post
            .store=${context.state.store}
            .post=${context.post}
            .comments=${context.comments}
            .flags=${context.flags}
            .social=${context.state.social.get(context.post.id)}
            .embedHosts=${context.state.embedHosts}
            .react=${context.react}
            @post-edit=${() => context.editPost(context.post!)}
            @post-removed=${() => context.close()}
          ></twin-board-post>`
        : gone();
      break;
    case 'section':
      title = dialog.base ? msg('Rename the section', { id: 'board.section.rename-title' }) : msg('Add a section', { id: 'board.section.add' });
      body = sectionForm(dialog.base, context);
      break;
    case 'settings':
      title = msg('Board settings', { id: 'board.settings' });
      body = settingsForm(context);
      break;
  }
  return html`<dialog part="dialog" aria-labelledby="dialog-title" @close=${context.handleClose}>
    <div class="dialog-head">
      <p id="dialog-title" class="dialog-title">${title}</p>
      <button type="button" class="close" @click=${() => context.close()} aria-label=${msg('Close', { id: 'board.close' })}>✕</button>
    </div>
    ${body}
  </dialog>`;
}

const gone = () => html`<p>${msg('This post no longer exists (it may have been deleted).', { id: 'board.dialog.gone' })}</p>`;

function sectionForm(base: Section | undefined, context: DialogContext) {
  const submit = (event: Event) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    context.saveSection((form.elements.namedItem('name') as HTMLInputElement).value, base);
  };
  return html`<form class="plain-form" @submit=${submit} novalidate>
    <p class="form-problem" role="alert">${context.problem?.message ?? ''}</p>
    <label>${msg('Name', { id: 'board.section.name' })}
      <input name="name" maxlength="300" required .value=${base?.name ?? ''} aria-invalid=${context.problem?.fields.includes('name') ? 'true' : 'false'} />
    </label>
    <div class="actions">
      <button type="submit" class="primary" ?disabled=${context.busy}>${msg('Save', { id: 'board.save' })}</button>
      <button type="button" @click=${() => context.close()}>${msg('Cancel', { id: 'board.cancel' })}</button>
    </div>
  </form>`;
}

function settingsForm(context: DialogContext) {
  const current = context.settings;
  const submit = (event: Event) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const layout = (form.querySelector<HTMLInputElement>('input[name=layout]:checked')?.value ?? 'wall') as Layout;
    context.saveSettings({ layout, approval: (form.elements.namedItem('approval') as HTMLInputElement).checked });
  };
  return html`<form class="plain-form" @submit=${submit}>
    <p class="form-problem" role="alert">${context.problem?.message ?? ''}</p>
    <fieldset class="choices">
      <legend>${msg('Layout everyone sees first', { id: 'board.settings.layout' })}</legend>
      ${LAYOUTS.map((layout) => html`<label class="check"><input type="radio" name="layout" .value=${layout} .checked=${(current?.layout ?? 'wall') === layout} /> ${layoutLabel(layout)}</label>`)}
    </fieldset>
    <label class="check"><input type="checkbox" name="approval" .checked=${!!current?.approval} /> ${msg("Pupils' posts and comments wait for a teacher's approval", { id: 'board.settings.approval' })}</label>
    <p class="muted">${msg('Whatever is chosen here, the space-wide moderation setting also applies.', { id: 'board.settings.approval-note' })}</p>
    <div class="actions">
      <button type="submit" class="primary" ?disabled=${context.busy}>${msg('Save', { id: 'board.save' })}</button>
      <button type="button" @click=${() => context.close()}>${msg('Cancel', { id: 'board.cancel' })}</button>
    </div>
  </form>`;
}

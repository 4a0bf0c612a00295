import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { canModerate, isMember, isStaff } from '../../sdk/policy/roles.js';
import type { Phase } from '../../sdk/schemas/phase.js';
import { PROJECT_RECORD_ID, type ProjectSettings } from '../../sdk/schemas/project.js';
import type { TwinStore } from '../../sdk/store/create-store.js';
import { errorMessage } from '../../localization/error-message.js';
import { formProblem } from '../../localization/form-problem.js';
import { plural } from '../../localization/plural.js';
import { memo } from '../base/memo.js';
import { TwinElement } from '../base/twin-element.js';
import { ActionRunner } from '../controllers/action-runner.js';
import { AttachmentUrls } from '../controllers/attachment-urls.js';
import { DialogHost } from '../controllers/dialog-host.js';
import { downloadBlob } from '../controllers/safe-file-blob.js';
import { LiveAnnouncer } from '../controllers/live-announcer.js';
import { StoreController } from '../controllers/store-controller.js';
import type { BoardActions, BoardComment, BoardFlag, BoardReaction, BoardState, Post, PostSocial, Section } from './board-state.js';
import { type Layout, LAYOUTS, type ReactionKind, REACTIONS } from './board-labels.js';
import { BoardExport } from './export/board-export.js';
import { FreshPosts } from './live/fresh-posts.js';
import { arrangeBoard, type BoardGroup } from './model/arrange-board.js';
import { filterOptions, filterPosts, type BoardFilters } from './model/filter-posts.js';
import { comparePositioned, positionBetween } from './model/fractional-position.js';
import { DragMoves } from './moving/drag-moves.js';
import { PostMover, type MoveTarget } from './moving/post-mover.js';
import { boardDialog, type BoardDialog } from './views/board-dialog.js';
import { boardGroups } from './views/board-groups.js';
import { boardToolbar } from './views/board-toolbar.js';
import { moderationQueue } from './views/moderation-queue.js';
import { twinBoardStyles } from './twin-board.styles.js';

/** Posts drawn in the first frame; the rest right after, so a big board shows at once. */
const FIRST_POSTS = 60;
/** Posts drawn per task after the first frame: the page stays responsive while a big board fills in. */
const MORE_POSTS = 150;
const SETTINGS_ID = 'board-settings';

const byCreation = (a: { createdAt: string }, b: { createdAt: string }) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0);
const emptyCounts = (): Record<ReactionKind, number> => ({ like: 0, love: 0, clap: 0, idea: 0 });
const sameSocial = (a: PostSocial, b: PostSocial) =>
  a.comments === b.comments && a.flags === b.flags && a.mine.size === b.mine.size && [...a.mine].every((kind) => b.mine.has(kind)) && REACTIONS.every((kind) => a.reactions[kind] === b.reactions[kind]);

/**
 * TwinBoard: a collaborative pinboard. Posts (text, links, photos, clips, files) in sections, shown
 * as a wall, columns, a timeline or a stream; moved by dragging or by keyboard alone; reactions,
 * comment threads, pinning, colour labels, reports and moderation; filters by school, author,
 * phase, type and team; changes from elsewhere marked "New"; exported as an offline exhibition.
 *
 * @summary A collaborative pinboard of posts in sections.
 * @csspart toolbar - Layouts, writing, filters and exports.
 * @csspart dialog - The dialog that writes, shows or edits.
 */
export class TwinBoard extends TwinElement {
  static override styles = twinBoardStyles;

  static override properties = {
    space: { type: String, reflect: true },
    layout: { type: String, reflect: true },
    embedHosts: { type: String, attribute: 'embed-hosts' },
    _filters: { state: true },
    _queue: { state: true },
    _dialog: { state: true },
    _limit: { state: true },
  };

  /** Space id when used without a `<twin-space>` (then stored in this browser). */
  declare space: string | undefined;
  /** `wall`, `columns`, `timeline` or `stream`; default: the teacher's choice in the board settings, else `wall`. The reader may switch. */
  declare layout: string | undefined;
  /** Hosts whose video players may be embedded, separated by spaces (`www.youtube-nocookie.com player.vimeo.com`). None by default: no request to another site. */
  declare embedHosts: string | undefined;
  declare _filters: BoardFilters;
  declare _queue: boolean;
  declare _dialog: BoardDialog;
  declare _limit: number;

  readonly #posts = new StoreController<Post>(this, { collection: 'board' });
  // Sections, feedback and settings belong to the whole board, not to the page's phase filter.
  readonly #sections = new StoreController<Section>(this, { collection: 'board-section', allPhases: true, compare: comparePositioned });
  readonly #comments = new StoreController<BoardComment>(this, { collection: 'board-comment', allPhases: true, compare: byCreation });
  readonly #reactions = new StoreController<BoardReaction>(this, { collection: 'board-reaction', allPhases: true });
  readonly #flags = new StoreController<BoardFlag>(this, { collection: 'board-flag', allPhases: true, compare: byCreation });
  readonly #settings = new StoreController(this, { collection: 'board-settings', allPhases: true });
  readonly #phases = new StoreController<Phase>(this, { collection: 'phase', allPhases: true, compare: (a, b) => a.order - b.order });
  readonly #project = new StoreController<ProjectSettings>(this, { collection: 'project', allPhases: true });
  readonly #announcer = new LiveAnnouncer(this);
  readonly #runner = new ActionRunner(this, this.#announcer);
  readonly #urlsController = new AttachmentUrls(this);
  readonly #fresh = new FreshPosts(this, (count) =>
    this.#announcer.announce(plural(count, 'board.fresh.arrived', { one: str`${0} new post or comment arrived, marked "New".`, other: str`${0} new posts or comments arrived, marked "New".` })),
  );
  readonly #dialogHost = new DialogHost(
    this,
    () => {
      this._dialog = undefined;
      this.#runner.show(undefined);
    },
    () => this.renderRoot.querySelector<HTMLElement>('.toolbar button.primary, .views button'),
  );
  readonly #mover = new PostMover(this, {
    groups: () => this.#groups,
    announce: (text) => this.#announcer.announce(text),
    commit: (target) => this.#commitMove(target),
    focusCarried: () => void this.#focusMoveButton(),
  });
  readonly #drag = new DragMoves(this, {
    canMove: (id) => {
      const post = this.#state.posts.find((item) => item.id === id);
      return !!post && this.#state.canMove(post);
    },
    drop: (id, section, index) => {
      const post = this.#state.posts.find((item) => item.id === id);
      if (post) this.#mover.dropAt(post, { section, index });
    },
  });
  readonly #export = new BoardExport(this);
  /** Moves written but not yet confirmed by the store: drawn at once, so the view never waits for storage. */
  readonly #pendingMoves = new Map<string, { section: string; position: string; rev: string }>();
  #state!: BoardState;
  #groups: ReturnType<typeof arrangeBoard<Post, Section>>['groups'] = [];
  #carriedId: string | undefined;

  constructor() {
    super();
    this._filters = {};
    this._queue = false;
    this._limit = FIRST_POSTS;
  }

  get #store(): TwinStore | undefined {
    return this.#posts.store;
  }

  get #layout(): Layout {
    if (LAYOUTS.includes(this.layout as Layout)) return this.layout as Layout;
    const chosen = this.#settings.records.find((record) => record.id === SETTINGS_ID)?.layout as Layout | undefined;
    return chosen && LAYOUTS.includes(chosen) ? chosen : 'wall';
  }

  /** The last counts per post: a post whose counts did not change keeps its object, so its card is not drawn again. */
  #lastSocial = new Map<string, PostSocial>();

  /** Reactions, comments and reports per post, derived once per change of those records. */
  readonly #social = memo((comments: BoardComment[], reactions: BoardReaction[], flags: BoardFlag[], userId: string | undefined) => {
    const social = new Map<string, PostSocial>();
    const of = (id: string) => {
      let entry = social.get(id);
      if (!entry) social.set(id, (entry = { comments: 0, reactions: emptyCounts(), mine: new Set(), flags: 0 }));
      return entry;
    };
    for (const comment of comments) if (comment.status === 'published') of(comment.target).comments++;
    for (const reaction of reactions) {
      if (!REACTIONS.includes(reaction.kind)) continue;
      const entry = of(reaction.target);
      entry.reactions[reaction.kind]++;
      if (reaction.author.id === userId) entry.mine.add(reaction.kind);
    }
    for (const flag of flags) of(flag.target).flags++;
    for (const [id, entry] of social) {
      const last = this.#lastSocial.get(id);
      if (last && sameSocial(last, entry)) social.set(id, last);
    }
    this.#lastSocial = social;
    return social;
  });

  /** The posts as drawn: moves not yet confirmed applied, and the reader's filters. */
  readonly #visiblePosts = memo((posts: Post[], pending: number, filters: BoardFilters) => {
    void pending;
    const placed = this.#pendingMoves.size ? posts.map((post) => this.#withPendingMove(post)) : posts;
    return filterPosts(placed, filters);
  });

  #lastGroups = new Map<string, BoardGroup<Post, Section>>();

  /**
   * The groups to draw. A group whose section and posts did not change keeps its object, so a move
   * or a new post redraws its one or two sections, not the whole board.
   */
  readonly #arrange = memo((posts: Post[], sections: Section[], layout: Layout, mobility: { from: string; to: string } | undefined) => {
    const groups = arrangeBoard({ posts, sections, layout, mobility }).groups.map((group) => {
      const last = this.#lastGroups.get(group.key);
      const same = last && last.section === group.section && last.posts.length === group.posts.length && last.posts.every((post, i) => post === group.posts[i]);
      return same ? last : group;
    });
    this.#lastGroups = new Map(groups.map((group) => [group.key, group]));
    return groups;
  });

  /** The new posts the board holds (a new object only when they change, so unchanged sections are not drawn again). */
  readonly #freshShown = memo((version: number, posts: Post[]) => {
    void version;
    const ids = new Set(posts.map((post) => post.id));
    return new Set([...this.#fresh.ids].filter((id) => ids.has(id)));
  });

  /** The mobility's first and last day, from the project settings (one object per version of them). */
  readonly #mobility = memo((project: ProjectSettings | undefined) =>
    project?.travelOut && project?.travelBack ? { from: project.travelOut as string, to: project.travelBack as string } : undefined,
  );

  #withPendingMove(post: Post): Post {
    const move = this.#pendingMoves.get(post.id);
    if (!move) return post;
    // The store's copy has caught up (or moved on): the pending move is done.
    if (post.rev !== move.rev) {
      this.#pendingMoves.delete(post.id);
      return post;
    }
    return { ...post, section: move.section, position: move.position };
  }

  #pendingVersion = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('layout') && this.layout && !LAYOUTS.includes(this.layout as Layout)) {
      console.warn(`<twin-board>: layout="${this.layout}" is not one of ${LAYOUTS.join(', ')}; showing the board's default layout.`);
    }
    const store = this.#store;
    this.#fresh.watch(store);
    this.#urlsController.store = store;
    const user = store?.user;
    const layout = this.#layout;
    const mobility = this.#mobility(this.#project.records.find((record) => record.id === PROJECT_RECORD_ID));
    const posts = this.#visiblePosts(this.#posts.records, this.#pendingVersion, this._filters);
    const grouped = this.#arrange(posts, this.#sections.records, layout, mobility);
    this.#groups = grouped;
    const staff = !!user && isStaff(user.role);
    const ordered = layout !== 'timeline';
    this.#state = {
      store,
      user,
      lang: this.effectiveLang,
      layout,
      sections: this.#sections.records,
      posts,
      social: this.#social(this.#comments.records, this.#reactions.records, this.#flags.records, user?.id),
      filters: this._filters,
      fresh: this.#freshShown(this.#fresh.version, this.#posts.records),
      canMove: (post) => ordered && !!store && store.can('edit', post) && post.status !== 'hidden',
      canManageSections: staff,
      canPost: !!user && isMember(user.role) && this.#sections.records.length > 0,
      canModerate: !!user && canModerate(user.role),
      embedHosts: (this.embedHosts ?? '').split(/\s+/).filter(Boolean),
      moving: this.#mover.carried ? { id: this.#mover.carried.post.id, ...this.#mover.carried.place } : undefined,
      mobility,
    };
  }

  #filling = false;

  protected override updated(): void {
    // After the first posts are painted, the rest, a slice per task (a frame, then a task each).
    if (!this.#drawn || this.#filling || this._limit >= this.#posts.records.length) return;
    this.#filling = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        this.#filling = false;
        this._limit += MORE_POSTS;
      }),
    );
  }

  /** Posts are on screen (not the loading note). */
  #drawn = false;

  // ---- rendering ----------------------------------------------------------------------------

  override render() {
    const state = this.#state;
    // Posts are drawn once their counts and the board's settings are in too: drawing 1,000 cards
    // while those still load would delay them, and then draw every card a second time.
    const loading = [this.#posts, this.#sections, this.#comments, this.#reactions, this.#settings].some((controller) => controller.status === 'loading');
    const failed = [this.#posts, this.#sections, this.#comments, this.#reactions].find((controller) => controller.status === 'error');
    const staff = !!state.user && isStaff(state.user.role);
    const queue = this.#queueItems(this.#posts.records, this.#flags.records, this.#comments.records);
    const waiting = queue.pendingPosts.length + queue.flagged.length + queue.pendingComments.length;
    return html`<section class="board" aria-label=${msg('TwinBoard', { id: 'board.label' })}>
        ${boardToolbar(state, this.#filterOptions(this.#posts.records), this.#phases.records, { queue: this._queue, waiting, staff }, this.#toolbarActions)}
        ${this.#runner.problem && !this._dialog ? html`<p class="problem" role="alert">${this.#runner.problem.message}</p>` : nothing}
        <p id="move-help" class="visually-hidden">${msg('Press to pick the post up, then use the arrow keys to move it and Enter to drop it.', { id: 'board.move.help' })}</p>
        ${failed
          ? html`<p class="problem" role="alert">${msg('The board could not be loaded.', { id: 'board.load-error' })} ${errorMessage(failed.error)}</p>`
          : loading
            ? html`<p class="muted">${msg('Loading the board…', { id: 'board.loading' })}</p>`
            : this._queue && state.canModerate
              ? moderationQueue(queue, {
                  open: (post, event) => this.#actions.open(post, event),
                  decide: (collection, record, status) => void this.#runner.run(() => this.#store!.setStatus(collection, record, status), status === 'published' ? msg('Approved.', { id: 'board.approved' }) : msg('Hidden.', { id: 'board.hidden.done' })),
                  dismissFlags: (flags) => void this.#runner.run(async () => { for (const flag of flags) await this.#store!.remove('board-flag', flag); }, msg('Reports dismissed.', { id: 'board.flag.dismissed' })),
                  canDismiss: staff,
                })
              : this.#boardContent(state)}
      </section>
      ${this.#dialogElement(state)} ${this.#announcer.render()}`;
  }

  #boardContent(state: BoardState) {
    if (!state.sections.length) {
      return html`<div class="empty-board">
        <p>${msg('This board has no sections yet.', { id: 'board.empty' })}</p>
        ${state.canManageSections
          ? html`<p>${msg('Sections group the posts: one per school, per day of the trip, or per product.', { id: 'board.empty.staff' })}</p>
              <div class="actions">
                <button type="button" class="primary" @click=${() => void this.#starterSections()}>${msg('Add the usual sections', { id: 'board.empty.starter' })}</button>
                <button type="button" @click=${(event: Event) => this.#actions.editSection(undefined, event)}>${msg('Add a section', { id: 'board.section.add' })}</button>
              </div>`
          : html`<p class="muted">${msg('A teacher adds the sections; then everyone can post.', { id: 'board.empty.member' })}</p>`}
      </div>`;
    }
    this.#drawn = true;
    const groups = this.#groups;
    const shown = groups.reduce((sum, group) => sum + group.posts.length, 0);
    return html`${state.layout === 'timeline' ? html`<p class="muted hint">${msg('The timeline shows posts by the day they were made; switch to the wall or columns to move them.', { id: 'board.timeline.hint' })}</p>` : nothing}
      ${shown === 0 && Object.values(state.filters).some(Boolean) ? html`<p class="muted">${msg('No post matches these filters.', { id: 'board.filters.none' })}</p>` : nothing}
      <div class="drop-zone" @dragstart=${this.#drag.onDragStart} @dragover=${this.#drag.onDragOver} @dragleave=${this.#drag.onDragLeave} @drop=${this.#drag.onDrop} @dragend=${this.#drag.onDragEnd}>
        ${boardGroups(groups, state, this.#actions, { limit: this._limit, urlOf: (id) => this.#urlsController.url(id), files: this.#urlsController.version })}
      </div>`;
  }

  readonly #filterOptions = memo((posts: Post[]) => filterOptions(posts));

  /** What waits for a moderator: pending posts and comments, reported posts. Derived once per change of those records. */
  readonly #queueItems = memo((posts: Post[], flags: BoardFlag[], comments: BoardComment[]) => {
    const byId = new Map(posts.map((post) => [post.id, post]));
    const flagsOn = new Map<string, BoardFlag[]>();
    for (const flag of flags) flagsOn.set(flag.target, [...(flagsOn.get(flag.target) ?? []), flag]);
    return {
      pendingPosts: posts.filter((post) => post.status === 'pending'),
      flagged: [...flagsOn].filter(([id]) => byId.has(id)).map(([id, items]) => ({ post: byId.get(id)!, flags: items })),
      pendingComments: comments.filter((comment) => comment.status === 'pending').map((comment) => ({ comment, post: byId.get(comment.target) })),
    };
  });

  #dialogElement(state: BoardState) {
    const dialog = this._dialog;
    const post = dialog?.kind === 'post' || dialog?.kind === 'write' ? this.#posts.records.find((item) => item.id === dialog.id) : undefined;
    return boardDialog(dialog, {
      state,
      post,
      comments: post ? this.#comments.records.filter((comment) => comment.target === post.id) : [],
      flags: post ? this.#flags.records.filter((flag) => flag.target === post.id) : [],
      phases: this.#phases.records.filter((phase) => !phase.archived),
      settings: this.#settings.records.find((record) => record.id === SETTINGS_ID) as { layout?: Layout; approval?: boolean } | undefined,
      problem: this.#runner.problem,
      busy: this.#runner.busy,
      handleClose: this.#dialogHost.handleClose,
      close: () => this.#close(),
      react: (target, kind) => this.#actions.react(target, kind),
      savePost: (fields, base) => this.#savePost(fields, base),
      composerDone: (saved) => (saved ? void this.#open({ kind: 'post', id: saved.id }) : this.#close()),
      editPost: (target) => void this.#open({ kind: 'write', id: target.id }),
      saveSection: (name, base) => void this.#saveSection(name, base),
      saveSettings: (settings) => void this.#saveSettings(settings),
    });
  }

  // ---- actions ------------------------------------------------------------------------------

  readonly #actions: BoardActions = {
    open: (post, event) => {
      this.#fresh.seen(post.id);
      void this.#open({ kind: 'post', id: post.id }, event);
    },
    react: (post, kind) => void this.#react(post, kind),
    startMove: (post) => this.#mover.pickUp(post),
    moveKey: (key) => this.#mover.step(key),
    drop: () => this.#mover.drop(),
    cancelMove: () => this.#mover.cancel(),
    write: (section, event) => void this.#open({ kind: 'write', section }, event),
    editSection: (section, event) => void this.#open({ kind: 'section', base: section }, event),
    moveSection: (section, by) => void this.#moveSection(section, by),
    removeSection: (section) => void this.#runner.run(() => this.#store!.remove('board-section', section), msg(str`Section ${section.name} deleted.`, { id: 'board.section.deleted' })),
    seen: (post) => this.#fresh.seen(post.id),
    download: (post) =>
      void this.#runner.run(async () => {
        const blob = await this.#store!.getAttachment(post.attachment!);
        // Saved, never opened in the page: whatever the stored type, a download is plain bytes.
        const url = URL.createObjectURL(downloadBlob(blob));
        const link = document.createElement('a');
        link.href = url;
        link.download = post.file?.name ?? 'file';
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      }, msg('Downloaded.', { id: 'board.export.json-done' })),
  };

  readonly #toolbarActions = {
    setLayout: (layout: Layout) => {
      this._queue = false;
      this.layout = layout;
    },
    write: (event: Event) => void this.#open({ kind: 'write' }, event),
    addSection: (event: Event) => void this.#open({ kind: 'section' }, event),
    openSettings: (event: Event) => void this.#open({ kind: 'settings' }, event),
    setFilter: (name: keyof BoardFilters, value: string | undefined) => {
      this._filters = { ...this._filters, [name]: value };
      const count = this.#visiblePosts(this.#posts.records, this.#pendingVersion, this._filters).length;
      this.#announcer.announce(plural(count, 'board.filters.count', { one: str`${0} post shown.`, other: str`${0} posts shown.` }));
    },
    clearFilters: () => {
      this._filters = {};
      this.#announcer.announce(msg('All posts shown.', { id: 'board.filters.cleared' }));
    },
    toggleQueue: () => (this._queue = !this._queue),
    exhibition: () => void this.#export.exhibition(this.#exportInput()),
    print: () => void this.#export.print(this.#exportInput()),
    json: () => void this.#export.json(this.#exportInput()),
    markAllSeen: () => this.#fresh.seenAll(),
  };

  #exportInput() {
    return {
      store: this.#store!,
      lang: this.effectiveLang,
      title: (this.#project.records.find((record) => record.id === PROJECT_RECORD_ID)?.title as string | undefined) ?? msg('TwinBoard', { id: 'board.label' }),
      layout: this.#layout,
      posts: this.#posts.records,
      sections: this.#sections.records,
      comments: this.#comments.records,
      reactions: this.#reactions.records,
      flags: this.#flags.records,
      settings: this.#settings.records.find((record) => record.id === SETTINGS_ID),
      mobility: this.#state.mobility,
      announce: (text: string) => this.#announcer.announce(text),
    };
  }

  async #react(post: Post, kind: ReactionKind) {
    const store = this.#store;
    if (!store) return;
    const mine = this.#reactions.records.find((reaction) => reaction.target === post.id && reaction.kind === kind && reaction.author.id === store.user.id);
    // One reaction of each kind per member and post: its id says so, so two tabs cannot add two.
    await this.#runner.run(
      () => (mine ? store.remove('board-reaction', mine) : store.create('board-reaction', { target: post.id, kind }, { id: `${post.id}~${kind}~${store.user.id}` })),
      mine ? msg('Reaction removed.', { id: 'board.reaction.removed' }) : msg('Reaction added.', { id: 'board.reaction.added' }),
    );
  }

  async #savePost(fields: Record<string, unknown>, base: Post | undefined): Promise<Post> {
    const store = this.#store!;
    if (base) {
      const moved = fields.section !== base.section;
      const position = moved ? this.#endOf(fields.section as string) : base.position;
      return store.update<Post>('board', base, { ...fields, position });
    }
    return store.create<Post>('board', { ...fields, position: this.#endOf(fields.section as string) });
  }

  /** A position after the last post of a section: a new post goes to its end. */
  #endOf(section: string): string {
    let last: string | undefined;
    for (const post of this.#posts.records) if (post.section === section && (last === undefined || post.position > last)) last = post.position;
    return positionBetween(last, undefined);
  }

  #commitMove({ post, section, position }: MoveTarget) {
    const store = this.#store;
    if (!store) return;
    this.#pendingMoves.set(post.id, { section, position, rev: post.rev });
    this.#pendingVersion++;
    this.requestUpdate();
    store.update('board', post, { section, position }).then(
      () => undefined,
      (error) => {
        // Not stored: the post goes back, and the reader is told why.
        this.#pendingMoves.delete(post.id);
        this.#pendingVersion++;
        const problem = formProblem(error);
        this.#runner.show({ ...problem, message: msg(str`The post could not be moved: ${problem.message}`, { id: 'board.move.failed' }) });
      },
    );
  }

  async #focusMoveButton() {
    this.#carriedId = this.#mover.carried?.post.id ?? this.#carriedId;
    await this.updateComplete;
    const id = this.#carriedId;
    const focused = (this.renderRoot as ShadowRoot).activeElement;
    // Within a section the card keeps its element, and its button the focus: nothing to do (a
    // focus() call costs a style and layout pass). Into another section the card is a new element.
    if (!id || (focused?.classList.contains('move') && focused.closest('article.post')?.getAttribute('data-id') === id)) return;
    this.renderRoot.querySelector<HTMLElement>(`article.post[data-id="${CSS.escape(id)}"] button.move`)?.focus();
  }

  async #saveSection(name: string, base: Section | undefined) {
    const store = this.#store!;
    const trimmed = name.trim();
    if (!trimmed) {
      this.#runner.show({ message: msg('Give the section a name.', { id: 'board.section.name-missing' }), fields: ['name'] });
      return;
    }
    const last = this.#sections.records.at(-1)?.position;
    const ok = await this.#runner.run(
      () => (base ? store.update('board-section', base, { name: trimmed }) : store.create('board-section', { name: trimmed, position: positionBetween(last, undefined) })),
      msg('Saved.', { id: 'board.saved' }),
    );
    if (ok) this.#close();
  }

  async #starterSections() {
    const names = [
      msg('Our schools', { id: 'board.starter.schools' }),
      msg('Before the trip', { id: 'board.starter.before' }),
      msg('During the mobility', { id: 'board.starter.during' }),
      msg('Final products', { id: 'board.starter.products' }),
    ];
    let position: string | undefined;
    const items = names.map((name) => ({ collection: 'board-section', fields: { name, position: (position = positionBetween(position, undefined)) } }));
    await this.#runner.run(() => this.#store!.createAll(items), msg('Sections added.', { id: 'board.starter.done' }));
  }

  async #moveSection(section: Section, by: -1 | 1) {
    const sections = this.#sections.records;
    const index = sections.findIndex((item) => item.id === section.id);
    const target = index + by;
    if (target < 0 || target >= sections.length) return;
    const [before, after] = by < 0 ? [sections[target - 1]?.position, sections[target].position] : [sections[target].position, sections[target + 1]?.position];
    const position = positionBetween(before, after);
    const ok = await this.#runner.run(() => this.#store!.update('board-section', section, { position }), msg(str`${section.name} moved.`, { id: 'board.section.moved' }));
    if (!ok) return;
    // The section's heading moves in the page once the store's change is drawn; its button keeps the focus.
    for (let wait = 0; wait < 60 && this.#sections.records.find((item) => item.id === section.id)?.position !== position; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 16));
    }
    await this.updateComplete;
    const label = by < 0 ? msg(str`Move ${section.name} earlier`, { id: 'board.section.earlier' }) : msg(str`Move ${section.name} later`, { id: 'board.section.later' });
    [...this.renderRoot.querySelectorAll<HTMLElement>('.section-tools button')].find((button) => button.getAttribute('aria-label') === label)?.focus();
  }

  async #saveSettings(settings: { layout: Layout; approval: boolean }) {
    const store = this.#store!;
    const current = this.#settings.records.find((record) => record.id === SETTINGS_ID);
    const ok = await this.#runner.run(
      () => (current ? store.update('board-settings', current, settings) : store.create('board-settings', settings, { id: SETTINGS_ID })),
      msg('Board settings saved.', { id: 'board.settings.saved' }),
    );
    if (ok) this.#close();
  }

  // ---- dialog -------------------------------------------------------------------------------

  async #open(dialog: NonNullable<BoardDialog>, event?: Event) {
    this.#runner.show(undefined);
    this._dialog = dialog;
    const element = await this.#dialogHost.show(event);
    const part = this.renderRoot.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>('twin-board-composer, twin-board-post');
    if (part?.localName === 'twin-board-composer') {
      await part.updateComplete;
      part.focus();
    } else {
      element?.querySelector<HTMLElement>('input, .close')?.focus();
    }
  }

  #close() {
    this.#dialogHost.close();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'twin-board': TwinBoard;
  }
}

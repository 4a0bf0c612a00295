import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Moving posts with a mouse or pen: drag a card, drop it between two others or into another
 * section. While dragging, a line shows where it would land. Keyboard and touch users have the
 * "Move" button (PostMover); both end in the same drop.
 */
export class DragMoves implements ReactiveController {
  #dragged: string | undefined;
  #marked: Element | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: {
      canMove: (id: string) => boolean;
      drop: (id: string, section: string, index: number) => void;
    },
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#clear();
    this.#dragged = undefined;
  }

  onDragStart = (event: DragEvent) => {
    const card = (event.target as Element).closest?.('article.post');
    const id = card?.getAttribute('data-id');
    if (!id || !this.options.canMove(id)) {
      event.preventDefault();
      return;
    }
    this.#dragged = id;
    event.dataTransfer?.setData('text/plain', id);
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
    card!.classList.add('dragging');
  };

  onDragOver = (event: DragEvent) => {
    const target = this.#target(event);
    if (!target) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    const mark = target.before ?? target.list;
    if (mark !== this.#marked) {
      this.#clear();
      this.#marked = mark;
      mark.classList.add(target.before ? 'drop-before' : 'drop-end');
    }
  };

  onDragLeave = (event: DragEvent) => {
    if (!(event.currentTarget as Element).contains(event.relatedTarget as Node | null)) this.#clear();
  };

  onDrop = (event: DragEvent) => {
    const target = this.#target(event);
    const id = this.#dragged;
    this.#clear();
    this.#dragged = undefined;
    if (!target || !id) return;
    event.preventDefault();
    this.options.drop(id, target.section, target.index);
  };

  onDragEnd = (event: DragEvent) => {
    (event.target as Element).closest?.('article.post')?.classList.remove('dragging');
    this.#clear();
    this.#dragged = undefined;
  };

  /** The section list under the pointer, and the place in it: before the first card the pointer is ahead of. */
  #target(event: DragEvent): { list: Element; section: string; index: number; before?: Element } | undefined {
    if (!this.#dragged) return undefined;
    const path = event.composedPath() as Element[];
    const list = path.find((node) => node instanceof Element && node.matches('ul.posts[data-section]'));
    const section = list?.getAttribute('data-section');
    if (!list || !section) return undefined;
    const slots = [...list.querySelectorAll(':scope > li.slot')].filter((slot) => slot.getAttribute('data-id') !== this.#dragged);
    const index = slots.findIndex((slot) => {
      const box = slot.getBoundingClientRect();
      return event.clientY < box.top || (event.clientY <= box.bottom && event.clientX < box.left + box.width / 2);
    });
    return index < 0 ? { list, section, index: slots.length } : { list, section, index, before: slots[index] };
  }

  #clear() {
    this.#marked?.classList.remove('drop-before', 'drop-end');
    this.#marked = undefined;
  }
}

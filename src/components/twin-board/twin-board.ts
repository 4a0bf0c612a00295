import '../twin-sync-indicator/twin-sync-indicator.js';
import '../rich-text/twin-rich-text-editor.js';
import { TwinBoardComposer } from './composer/board-composer.component.js';
import { TwinBoardPost } from './post/board-post.component.js';
import { TwinBoard } from './twin-board.component.js';

export { TwinBoard };

// The parts first, so the board's first render finds them defined.
TwinBoardComposer.define('twin-board-composer');
TwinBoardPost.define('twin-board-post');
TwinBoard.define('twin-board');

declare global {
  interface HTMLElementTagNameMap {
    'twin-board-composer': TwinBoardComposer;
    'twin-board-post': TwinBoardPost;
  }
}

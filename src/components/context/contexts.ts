import { createContext } from '@lit/context';
import type { SyncController, SyncStatus } from '../../sdk/adapters/synced/sync-status.js';
import type { TwinUser } from '../../sdk/policy/roles.js';
import type { TwinStore } from '../../sdk/store/create-store.js';

/** What `<twin-space>` hands to every widget inside it. Keys are global so two library copies agree. */
export const storeContext = createContext<TwinStore | undefined>(Symbol.for('twinkit.store'));
export const userContext = createContext<TwinUser | undefined>(Symbol.for('twinkit.user'));
/** The space's phase filter: widgets show only records of this phase; new records take it. */
export const phaseContext = createContext<string | undefined>(Symbol.for('twinkit.phase'));
/** The UI locale the space asks for (`lang` on `<twin-space>`). */
export const localeContext = createContext<string | undefined>(Symbol.for('twinkit.locale'));
/** The space's sync with a server (undefined when its storage does not sync: the embedded default). */
export const syncContext = createContext<SyncStatus | undefined>(Symbol.for('twinkit.sync'));
/** The space's sync itself, for the versions kept for a person to decide on (undefined: no sync). */
export const syncControllerContext = createContext<SyncController | undefined>(Symbol.for('twinkit.sync-controller'));

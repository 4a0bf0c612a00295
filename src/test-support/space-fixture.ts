import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { createMemoryAdapter, MemoryBacking } from '../sdk/adapters/memory/memory-adapter.js';
import { registerAdapter } from '../sdk/adapters/registry.js';
import type { StorageAdapter } from '../sdk/adapter.js';
import type { SpaceSettings, TwinUser } from '../sdk/policy/roles.js';
import { createStore, type TwinStore } from '../sdk/store/create-store.js';
import type { TwinSpace } from '../components/twin-space/twin-space.component.js';
import { until } from './record-list.js';
import '../components/twin-space/twin-space.js';

let counter = 0;

export interface SpaceFixtureOptions {
  user: TwinUser;
  /** Shared storage: another fixture on the same backing is another tab, device or user. */
  backing?: MemoryBacking;
  space?: string;
  lang?: string;
  moderation?: SpaceSettings['moderation'];
  phase?: string;
  /** Changes the adapter (faults). */
  wrap?: (adapter: StorageAdapter) => StorageAdapter;
}

/**
 * Widgets inside a `<twin-space>` on in-memory storage, signed in as `options.user`: `content` is
 * what the space holds. Returns the space once its store is ready, and `storeFor(user)`, another
 * person's store on the same storage.
 */
export async function spaceFixture(options: SpaceFixtureOptions, content: TemplateResult, name = 'space') {
  const backing = options.backing ?? new MemoryBacking();
  const space = options.space ?? `${name}-${Date.now()}-${counter}`;
  const adapterName = `${name}-memory-${counter++}`;
  registerAdapter(adapterName, () => (options.wrap ?? ((adapter) => adapter))(createMemoryAdapter({ backing })));
  const { user } = options;
  const wrapper = await fixture<HTMLDivElement>(html`
    <div lang=${options.lang ?? 'en'}>
      <twin-space
        adapter=${adapterName}
        space=${space}
        user-id=${user.id}
        user-name=${user.name}
        user-role=${user.role}
        school=${user.school ?? ''}
        ?mobile=${!!user.mobile}
        moderation=${options.moderation ?? 'off'}
        phase=${options.phase ?? ''}
      >
        ${content}
      </twin-space>
    </div>
  `);
  const spaceElement = wrapper.querySelector('twin-space') as TwinSpace;
  await until(() => spaceElement.store, 'the store');
  const storeFor = (other: TwinUser, settings: Partial<SpaceSettings> = { moderation: options.moderation ?? 'off' }): TwinStore =>
    createStore({ adapter: createMemoryAdapter({ backing }), space, user: other, settings });
  return { wrapper, space: spaceElement, store: spaceElement.store!, storeFor, backing, spaceId: space };
}

import { expect, fixture, html } from '@open-wc/testing';
import { TestRecordList, until } from '../../test-support/record-list.js';

// This file must not import twin-space.ts statically: the tag is defined in the middle of the test.
describe('<twin-space> defined after its widgets', () => {
  it('is found by a widget that connected first, which waits for it instead of going alone', async () => {
    expect(customElements.get('twin-space')).to.equal(undefined);
    // A widget used alone beside it connects after it: once that one has gone alone (its decision
    // comes later), the one inside the space has had its chance to go alone and must not have.
    const wrapper = await fixture<HTMLDivElement>(
      html`<div .innerHTML=${'<twin-space adapter="memory" space="late"><test-record-list></test-record-list></twin-space><test-record-list space="late-alone"></test-record-list>'}></div>`,
    );
    const [list, alone] = wrapper.querySelectorAll<TestRecordList>('test-record-list');
    await until(() => alone.data.store, 'the widget used alone, on its own store');
    expect(list.data.store === undefined, 'no store (and no stand-alone store) before the provider exists').to.equal(true);
    await import('./twin-space.js');
    const space = wrapper.querySelector('twin-space')!;
    await until(() => list.data.store, 'the store from the provider');
    expect(list.data.store === space.store, 'the store is the provider\'s').to.equal(true);
    expect(list.data.store!.adapter.name).to.equal('memory');
  });
});

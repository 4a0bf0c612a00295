import { expect } from '@open-wc/testing';
import { createMemoryAdapter } from '../sdk/adapters/memory/index.js';
import { TwinValidationError } from '../sdk/errors.js';
import { createStore } from '../sdk/store/create-store.js';
import { formProblem, refusalSentence } from './form-problem.js';
import { setUiLocale } from './localization.js';
import { syncFailureMessage } from './sync-failure-message.js';

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the store to refuse');
}

const storeOf = () => createStore({ adapter: createMemoryAdapter(), space: `form-problem-${Math.random()}`, user: { id: 't1', name: 'Tomás', role: 'teacher' } });

describe('formProblem: a refused save, in the UI language', () => {
  afterEach(() => setUiLocale('en'));

  it('says what the store’s check asks for, with the reader’s numbers, and marks the field', async () => {
    const store = storeOf();
    const tooLong = await refusal(store.create('phase', { name: 'Fieldwork', order: 1, description: 'x'.repeat(20_001) }));
    expect(formProblem(tooLong)).to.deep.equal({ message: 'This text is too long: at most 20,000 characters.', fields: ['description'] });
    await setUiLocale('de');
    expect(formProblem(tooLong).message).to.equal('Dieser Text ist zu lang: höchstens 20.000 Zeichen.');
    await setUiLocale('pl');
    const empty = await refusal(store.create('phase', { name: ' ', order: 1 }));
    expect(formProblem(empty)).to.deep.equal({ message: 'Wymagane pole jest puste: uzupełnij je.', fields: ['name'] });
  });

  it('gives a file’s limit in megabytes as the reader writes them', async () => {
    const store = storeOf();
    const large = await refusal(store.putAttachment(new Blob([new Uint8Array(6 * 1024 * 1024)]), { maxBytes: 5 * 1024 * 1024, types: ['image/png'] }));
    expect(formProblem(large).message).to.equal('This file is too large: the limit is 5 MB.');
    await setUiLocale('fr');
    expect(formProblem(large).message).to.match(/^Ce fichier est trop volumineux\s: la limite est de 5\sMo\.$/);
  });

  it('prefers the widget’s own sentence, and says "check the marked fields" for a check no form lets a person fail', () => {
    const refused = new TwinValidationError('This phase was not saved: id is managed by Twinkit.', [{ path: 'id', message: 'is managed by Twinkit' }]);
    expect(formProblem(refused)).to.deep.equal({ message: 'Not saved: please check the marked fields.', fields: ['id'] });
    expect(refusalSentence(refused)).to.equal(undefined);
    expect(formProblem(refused, () => 'Choose another id.').message).to.equal('Choose another id.');
    expect(refusalSentence(new Error('offline'))).to.equal(undefined);
  });

  it('says why sync stopped by the kind of failure, not in the SDK’s English', async () => {
    const unauthorized = { failure: 'unauthorized' as const, message: 'Not signed in to the server, or the session expired (401 unauthorized). Sign in again.' };
    expect(syncFailureMessage(unauthorized)).to.equal('You are not signed in to the server, or your session has ended: sign in again.');
    await setUiLocale('es');
    expect(syncFailureMessage(unauthorized)).to.equal('No has iniciado sesión en el servidor o tu sesión ha terminado: vuelve a iniciarla.');
    expect(syncFailureMessage({ failure: 'unknown', message: 'TypeError: x is undefined' })).to.equal('Ha ocurrido un problema inesperado.');
  });
});

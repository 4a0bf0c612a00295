import { expect, fixture, html } from '@open-wc/testing';
import { layoutProblems } from './layout-problems.js';

const hidden = 'position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap';

describe('layoutProblems', () => {
  it('finds a word sticking out of its button, and text cut off by an ellipsis unless that is allowed', async () => {
    const page = await fixture(html`<div style="inline-size:300px">
      <button style="inline-size:80px">Schüleraustauschprogramm</button>
      <p class="title" style="inline-size:80px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap">A title longer than its card</p>
    </div>`);
    const problems = layoutProblems(page);
    expect(problems).to.have.length(2);
    expect(problems[0]).to.match(/^text sticks out of its box, \d+ px wide in \d+ px: button "Schüleraustauschprogramm"/);
    expect(problems[1]).to.match(/^text cut off \(overflow hidden\), .*: p\.title "A title longer/);
    expect(layoutProblems(page, [{ selector: 'p.title', why: 'a card title, whole when opened' }])).to.have.length(1);
  });

  it('lets a pane scroll up and down, not sideways', async () => {
    const page = await fixture(html`<div>
      <div class="down" style="inline-size:200px;block-size:40px;overflow-y:auto">${'A line of text. '.repeat(20)}</div>
      <div class="sideways" style="inline-size:200px;overflow-x:auto;white-space:nowrap">${'A line of text. '.repeat(20)}</div>
    </div>`);
    const problems = layoutProblems(page);
    expect(problems).to.have.length(1);
    expect(problems[0]).to.include('div.sideways');
  });

  it('finds buttons drawn over a heading, not the screen-reader text that only seems to overlap', async () => {
    const page = await fixture(html`<div style="position:relative;inline-size:300px">
      <h3 style="margin:0">Fieldwork at the pier</h3>
      <button style="position:absolute;inset-block-start:0;inset-inline-start:20px">Move</button>
      <label style="display:block;margin-block-start:4rem">Status<span style=${hidden}> (a long activity name that runs on)</span></label>
      <button style="margin-inline-start:6rem">Edit</button>
    </div>`);
    const problems = layoutProblems(page);
    expect(problems).to.deep.equal(['overlap: h3 "Fieldwork at the pier" and button "Move"']);
  });

  it('looks into shadow roots, and compares what is in a modal dialog only with itself', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<button>Under the dialog</button>
      <dialog style="inline-size:200px;block-size:100px"><button style="position:absolute;inset:1rem">One</button><button style="position:absolute;inset:1rem">Two</button></dialog>`;
    expect(layoutProblems(host)).to.deep.equal([]);
    root.querySelector('dialog')!.showModal();
    expect(layoutProblems(host)).to.deep.equal(['overlap: button "One" and button "Two"']);
    root.querySelector('dialog')!.close();
  });

  it('finds what sticks out of the window sideways', async () => {
    const page = await fixture(html`<div><p style="position:relative;inset-inline-start:-3rem;inline-size:10rem;margin:0">Off the edge</p></div>`);
    expect(layoutProblems(page)[0]).to.match(/^outside the window \(-\d+ to \d+ px of \d+ px\): p "Off the edge"/);
  });
});

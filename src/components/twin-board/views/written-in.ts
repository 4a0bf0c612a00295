import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { writtenIn } from '../../../localization/written-language.js';

type Written = { language?: unknown };

/**
 * Puts `lang` and `dir` of what someone wrote on the element holding it (`<p ${writtenLanguage(comment)}>`),
 * so a screen reader speaks it in its language; a text of no stated language gets neither.
 */
class WrittenLanguage extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('writtenLanguage() belongs on an element, as <p ${writtenLanguage(post)}>');
  }

  render(_record: Written) {
    return nothing;
  }

  override update(part: ElementPart, [record]: [Written]) {
    const written = writtenIn(record);
    for (const name of ['lang', 'dir'] as const) {
      if (written) part.element.setAttribute(name, written[name]);
      else part.element.removeAttribute(name);
    }
    return nothing;
  }
}

export const writtenLanguage = directive(WrittenLanguage);

// The guide's Lexical code against reuselens/lexical's declarations.
import { createEditor } from 'lexical';
import { mergeRegister } from '@lexical/utils';
import { registerReuseLens } from 'reuselens/lexical';
import type { Matcher } from 'reuselens/editor';

export function wireLexical(root: HTMLElement, lens: Matcher): () => void {
  const editor = createEditor({ namespace: 'cms', onError: (e: Error) => { throw e; } });
  editor.setRootElement(root);
  const reuseLens = registerReuseLens(editor, { lens, onPassages: (passages) => { root.dataset.n = String(passages.length); } });
  reuseLens.view.reveal(0);
  // @ts-expect-error: the editor, not its root element
  registerReuseLens(root, { lens });
  return mergeRegister(reuseLens);
}

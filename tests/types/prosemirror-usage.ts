// The guide's ProseMirror and TipTap code against reuselens/prosemirror's declarations.
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { schema } from 'prosemirror-schema-basic';
import { Editor, Extension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { getReuseLens, reuseLensKey, reuseLensPlugin } from 'reuselens/prosemirror';
import type { Matcher } from 'reuselens/editor';

export function wireProseMirror(place: HTMLElement, lens: Matcher): EditorView {
  const view = new EditorView(place, {
    state: EditorState.create({ schema, plugins: [reuseLensPlugin({ lens, onPassages: (passages) => { place.dataset.n = String(passages.length); } })] }),
  });
  getReuseLens(view)?.reveal(0);
  const decorations = reuseLensKey.getState(view.state);
  place.dataset.d = String(decorations?.find().length ?? 0);
  // @ts-expect-error: the plugin needs a lens or a checker's options object
  reuseLensPlugin();
  return view;
}

export function wireTiptap(element: HTMLElement, lens: Matcher): Editor {
  const ReuseLens = Extension.create({
    name: 'reuseLens',
    addOptions: () => ({ lens: null as Matcher | null }),
    addProseMirrorPlugins() { return [reuseLensPlugin({ lens: this.options.lens ?? undefined })]; },
  });
  const editor = new Editor({ element, extensions: [StarterKit, ReuseLens.configure({ lens })], injectCSS: false });
  getReuseLens(editor.view)?.reveal(0);
  return editor;
}

// The embedding guide's code, as a TypeScript CMS would write it: it must
// compile against the package's declarations, and the misuses below must not
// (each @ts-expect-error fails the check if the line compiles).
import { createReuseLensWorker } from 'reuselens/client';
import { attachToContentEditable, attachToTextarea, DraftChecker, type DraftPassage, type PassagesDetail } from 'reuselens/editor';

export async function wire(element: HTMLElement, textarea: HTMLTextAreaElement, status: HTMLElement): Promise<void> {
  const lens = await createReuseLensWorker();
  const { added, errors } = await lens.addSources([{ id: 'a', title: 'A', url: '', text: 'Some text.' }]);
  status.textContent = `${added} added, ${errors.map((e) => `${e.index}: ${e.message}`).join('; ')}`;

  const render = (passages: DraftPassage[], { pending }: PassagesDetail): void => {
    status.textContent = pending ? 'Checking…' : passages.map((p) => `${p.kind} ${p.sourceTitle} ${p.score.toFixed(2)} ${p.hue} ${p.text}`).join('\n');
  };
  const view = attachToContentEditable(element, {
    lens, onPassages: render, debounceMs: 200, kinds: ['spun', 'edited'],
    highlightStyle: ({ hue, quoted }) => `background-color: hsl(${hue} 90% 70%);${quoted ? ' text-decoration: underline;' : ''}`,
  });
  view.addEventListener('passages', (event) => render(event.detail.passages, event.detail));
  view.addEventListener('error', (event) => { status.textContent = event.detail.message; });
  view.reveal(0);
  view.refresh();
  const passages: DraftPassage[] = await view.check();
  const first = passages[0]?.alignment[0]?.op;
  status.dataset.op = first ?? '';
  await view.checker.refresh();
  view.destroy();

  const textareaView = attachToTextarea(textarea, { checker: new DraftChecker(lens) });
  textareaView.destroy();

  const checker = new DraftChecker(lens, { debounceMs: 0, minChars: 40 });
  checker.setText('A draft.');
  const moved: DraftPassage[] = checker.setText('A new draft.');
  status.dataset.n = String(moved.length + Number(checker.pending));
  checker.dispose();
  await lens.terminate();

  // @ts-expect-error: setText takes the text, not the editor
  checker.setText(element);
  // @ts-expect-error: kinds are the five kinds only
  attachToContentEditable(element, { lens, kinds: ['copied'] });
}

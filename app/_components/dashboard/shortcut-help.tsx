import { SHORTCUTS } from '@/lib/dashboard/shortcuts';

/** The list of keyboard shortcuts (`?`), from the same table the key handler reads. */
export function ShortcutHelp({ onClose }: { onClose(): void }) {
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby="help-title"
      className="fixed inset-0 z-10 flex items-center justify-center bg-slate-900/50 p-4"
      onClick={onClose}
    >
      <div className="max-w-full rounded-xl bg-white p-6 text-lg shadow-xl" onClick={(event) => event.stopPropagation()}>
        <h2 id="help-title" className="text-2xl font-bold">
          Keyboard shortcuts
        </h2>
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
          {SHORTCUTS.map((shortcut) => (
            <div key={shortcut.key} className="contents">
              <dt>
                <kbd className="rounded bg-slate-200 px-2">{shortcut.label}</kbd>
              </dt>
              <dd>{shortcut.description}</dd>
            </div>
          ))}
        </dl>
        <button type="button" autoFocus onClick={onClose} className="mt-4 rounded-md bg-slate-900 px-4 py-2 font-semibold text-white">
          Close
        </button>
      </div>
    </div>
  );
}

import { describeProposal, type SettingsProposal } from '@/lib/dashboard/url-state';

/** A link's proposed settings, shown to a signed-in admin: nothing changes until Apply. */
export function SettingsProposalBanner({
  proposal,
  onApply,
  onDismiss,
}: {
  proposal: SettingsProposal;
  onApply: () => void;
  onDismiss: () => void;
}) {
  return (
    <section
      aria-label="Settings proposed by this link"
      className="flex flex-wrap items-center gap-3 rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950"
    >
      <p className="min-w-0 flex-1 basis-64">
        This link proposes new server settings: <strong>{describeProposal(proposal)}</strong>. They apply to everyone using this server, so
        nothing changes until you apply them.
      </p>
      <div className="flex gap-2">
        <button type="button" onClick={onApply} className="rounded-md bg-amber-700 px-3 py-1 font-medium text-white hover:bg-amber-800">
          Apply
        </button>
        <button type="button" onClick={onDismiss} className="rounded-md border border-amber-500 px-3 py-1 hover:bg-amber-100">
          Dismiss
        </button>
      </div>
    </section>
  );
}
